"""Wagtail's Users screens, refusing an email address another account already has."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from clpages.accounts.emails import UniqueEmailMixin


class UniqueEmailUserCreationForm(UniqueEmailMixin, UserCreationForm):
    pass


class UniqueEmailUserEditForm(UniqueEmailMixin, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UniqueEmailUserEditForm if for_update else UniqueEmailUserCreationForm
