"""Partners propose changes to their own organisation's profile; the library approves them.

A partner sees and proposes changes to the organisations they belong to, and no other: any other
organisation's screens answer 403, as the organisations' own admin screens do
(clpages.partners.viewsets). The proposal is a PartnerProfileChange (clpages.models.profile_changes);
the organisation, its public pages and the API keep the current profile until someone who may
approve (the `approve_partner_profile` permission, held as library staff) approves it, which
copies the proposal onto the organisation in one transaction. Saving the organisation starts a
new content generation (clpages.performance.cache), so cached pages and shared facts show it on
the next request. Asking for changes emails the partner the reviewer's comment.

The proposal edits the organisation in the default language. Its translations keep their own
wording until a translator updates them: approving refreshes the organisation's wagtail-localize
source, so the translation editor offers the new words to translate.
"""

import logging
from functools import wraps

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from clpages.accounts.mail import EmailNotSent, admin_url, send_account_email
from clpages.i18n.originals import default_locale_id
from clpages.models import CommunityPartner, Language, PartnerProfileChange, ProfileChangeStatus
from clpages.models.profile_changes import PRIVATE_FIELDS, PROFILE_FIELDS
from clpages.partners.roles import SCOPE_PERMISSION, dotted
from clpages.partners.scope import organisation_ids, staff_codenames

logger = logging.getLogger("clpages.partners.profiles")

APPROVE_CODENAME = "approve_partner_profile"
APPROVE_PERMISSION = f"clpages.{APPROVE_CODENAME}"
OPEN = (ProfileChangeStatus.AWAITING_REVIEW, ProfileChangeStatus.CHANGES_REQUESTED)


# -- who may do what ---------------------------------------------------------------------------


def may_approve(user):
    """Library staff holding the approval permission; a partner group's grant of it never counts."""
    return user.is_active and bool(staff_codenames(user, "clpages", [APPROVE_CODENAME]))


def own_organisations(user):
    """The organisations whose profile this user may propose changes to: their own, as a partner."""
    if not user.is_active or not user.has_perm(dotted(SCOPE_PERMISSION)):
        return CommunityPartner.objects.none()
    return CommunityPartner.objects.filter(pk__in=organisation_ids(user), locale_id=default_locale_id())


def may_propose(user, partner):
    """Whether the user may propose changes to this organisation's profile (no query once the
    user's organisations are known)."""
    return user.is_active and user.has_perm(dotted(SCOPE_PERMISSION)) and partner.pk in organisation_ids(user)


def own_organisation(user, partner_id):
    partner = own_organisations(user).select_related("logo", "collection").filter(pk=partner_id).first()
    if partner is None:
        # As the organisations' own admin screens answer for another organisation's record.
        raise PermissionDenied
    return partner


def open_change(partner):
    return partner.profile_changes.filter(status__in=OPEN).order_by("-pk").first()


# -- the partner's form ------------------------------------------------------------------------


TOO_LONG = gettext_lazy("Please keep this to %(limit_value)s characters or fewer: it has %(show_value)s.")


class ProfileChangeForm(forms.ModelForm):
    website = forms.URLField(
        label=gettext_lazy("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=gettext_lazy("The full address, starting with https://"),
        error_messages={"invalid": gettext_lazy("Enter a full web address, like https://example.org.")},
    )
    new_logo = WagtailImageField(
        label=gettext_lazy("Upload a new logo"),
        required=False,
        help_text=gettext_lazy("It is added to your organisation's images, and shown once approved."),
    )

    class Meta:
        model = PartnerProfileChange
        fields = PROFILE_FIELDS
        widgets = {"languages": forms.CheckboxSelectMultiple}
        labels = {
            "description": gettext_lazy("About your organisation"),
            "website": gettext_lazy("Website"),
            "logo": gettext_lazy("Logo"),
            "languages": gettext_lazy("Languages you work in"),
            "communities_served": gettext_lazy("Communities you serve"),
            "contact_name": gettext_lazy("Contact name"),
            "contact_email": gettext_lazy("Contact email"),
            "contact_phone": gettext_lazy("Contact phone"),
        }
        help_texts = {
            "description": gettext_lazy("Who you are and what you do, in your own words."),
            "website": gettext_lazy("The full address, starting with https://"),
            "logo": gettext_lazy("One of your organisation's own images."),
        }
        error_messages = {
            "description": {"required": gettext_lazy("Say in a few words who you are and what you do.")},
            "website": {"invalid": gettext_lazy("Enter a full web address, like https://example.org.")},
            "contact_email": {"invalid": gettext_lazy("Enter a valid email address, like name@example.org.")},
        }

    def __init__(self, *args, partner, user, **kwargs):
        self.partner = partner
        self.user = user
        super().__init__(*args, **kwargs)
        images = get_image_model().objects.filter(collection_id=partner.collection_id)
        if partner.logo_id:
            # The logo the library chose stays choosable, wherever it is kept.
            images = images | get_image_model().objects.filter(pk=partner.logo_id)
        self.fields["logo"].queryset = images.order_by("title")
        self.fields["logo"].empty_label = _("No logo")
        self.fields["languages"].queryset = Language.objects.filter(locale_id=default_locale_id())
        for field in self.fields.values():
            field.error_messages["max_length"] = TOO_LONG
        if not self._may_upload():
            del self.fields["new_logo"]

    def _may_upload(self):
        if self.partner.collection_id is None:
            return False
        policy = policy_registry.get_by_type(get_image_model())
        return (
            policy.collections_user_has_permission_for(self.user, "add")
            .filter(pk=self.partner.collection_id)
            .exists()
        )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.cleaned_data.get("new_logo") and not changes(self.partner, cleaned):
            raise forms.ValidationError(
                _("This is your profile as it is now. Change something before sending it to the library.")
            )
        return cleaned

    @transaction.atomic
    def save_for(self, change):
        new_logo = self.cleaned_data.get("new_logo")
        if new_logo:
            image = get_image_model()(
                title=new_logo.name.rsplit(".", 1)[0][:255] or self.partner.name,
                file=new_logo,
                collection_id=self.partner.collection_id,
                uploaded_by_user=self.user,
            )
            image._set_image_file_metadata()
            image.save()
            self.instance.logo = image
        self.instance.partner = self.partner
        self.instance.proposed_by = self.user
        self.instance.proposed_at = timezone.now()
        self.instance.status = ProfileChangeStatus.AWAITING_REVIEW
        self.instance.reviewed_by = None
        self.instance.reviewed_at = None
        saved = self.save()
        if change is not None:
            # A new proposal replaces the one still open: the library reviews one at a time.
            PartnerProfileChange.objects.filter(pk=change.pk).delete()
        return saved


def _current_values(partner):
    return {
        **{name: getattr(partner, name) for name in PROFILE_FIELDS if name not in ("languages", "logo")},
        "logo": partner.logo,
        "languages": list(partner.languages.order_by("name")),
    }


def _proposed_values(change_or_data):
    if isinstance(change_or_data, dict):
        values = dict(change_or_data)
        values["languages"] = sorted(values.get("languages") or [], key=lambda language: language.name)
        return values
    values = {name: getattr(change_or_data, name) for name in PROFILE_FIELDS if name != "languages"}
    values["languages"] = list(change_or_data.languages.order_by("name"))
    return values


def changes(partner, proposed):
    """The names of the fields whose proposed value differs from the organisation's own."""
    current = _current_values(partner)
    proposed = _proposed_values(proposed)
    return [name for name in PROFILE_FIELDS if current[name] != proposed.get(name)]


def _initial(partner, change):
    if change is not None:
        values = _proposed_values(change)
    else:
        values = _current_values(partner)
    return {**values, "languages": [language.pk for language in values["languages"]]}


def _title(title):
    return {"page_title": title, "header_title": title, "header_icon": "group"}


def your_organisation(request):
    """The "Your organisation" menu item: straight to the profile with one, a list with several."""
    organisations = list(own_organisations(request.user).order_by("name"))
    if not organisations:
        raise PermissionDenied
    if len(organisations) == 1:
        return redirect("clpages_organisation_profile", partner_id=organisations[0].pk)
    return render(
        request,
        "clpages/admin/profiles/choose_organisation.html",
        {"organisations": organisations, **_title(_("Your organisations"))},
    )


def organisation_profile(request, partner_id):
    partner = own_organisation(request.user, partner_id)
    change = open_change(partner)
    if request.method == "POST":
        form = ProfileChangeForm(
            request.POST, request.FILES, partner=partner, user=request.user, instance=PartnerProfileChange()
        )
        if form.is_valid():
            saved = form.save_for(change)
            _tell_approvers(saved)
            messages.success(
                request,
                _(
                    "Thank you. Your changes were sent to the library. They appear on the website "
                    "once the library approves them."
                ),
            )
            return redirect("clpages_organisation_profile", partner_id=partner.pk)
        messages.error(request, _("Your changes were not sent. Please correct the errors below."))
    else:
        form = ProfileChangeForm(
            initial=_initial(partner, change),
            partner=partner,
            user=request.user,
            instance=PartnerProfileChange(),
        )
    return render(
        request,
        "clpages/admin/profiles/propose.html",
        {
            "partner": partner,
            "change": change,
            "form": form,
            **_title(_("Profile of %(name)s") % {"name": partner.name}),
            "public_fields": [form[name] for name in PROFILE_FIELDS if name not in PRIVATE_FIELDS],
            "private_fields": [form[name] for name in PRIVATE_FIELDS],
        },
    )


# -- the library's review ----------------------------------------------------------------------


def _require_approver(request):
    if not may_approve(request.user):
        raise PermissionDenied


def review_list(request):
    _require_approver(request)
    open_changes = (
        PartnerProfileChange.objects.filter(status__in=OPEN)
        .select_related("partner", "proposed_by")
        .order_by("proposed_at", "pk")
    )
    return render(
        request,
        "clpages/admin/profiles/review_list.html",
        {
            "waiting": [c for c in open_changes if c.status == ProfileChangeStatus.AWAITING_REVIEW],
            "sent_back": [c for c in open_changes if c.status == ProfileChangeStatus.CHANGES_REQUESTED],
            **_title(_("Profile changes to review")),
        },
    )


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The partner reads this in an email and on their profile screen."),
        error_messages={"required": gettext_lazy("Say what should change, so the partner knows what to do.")},
    )


def _comparison(change):
    current = _current_values(change.partner)
    proposed = _proposed_values(change)
    labels = ProfileChangeForm.Meta.labels
    rows = [
        {
            "name": name,
            "label": labels[name],
            "current": current[name],
            "proposed": proposed[name],
            "changed": current[name] != proposed[name],
            "private": name in PRIVATE_FIELDS,
        }
        for name in PROFILE_FIELDS
    ]
    return [row for row in rows if not row["private"]], [row for row in rows if row["private"]]


def review(request, change_id, form=None):
    _require_approver(request)
    change = get_object_or_404(
        PartnerProfileChange.objects.select_related("partner", "partner__logo", "proposed_by", "logo"),
        pk=change_id,
    )
    public_rows, private_rows = _comparison(change)
    return render(
        request,
        "clpages/admin/profiles/review.html",
        {
            "change": change,
            "public_rows": public_rows,
            "private_rows": private_rows,
            "form": form or RequestChangesForm(),
            "awaiting": change.status == ProfileChangeStatus.AWAITING_REVIEW,
            **_title(_("Changes to the profile of %(name)s") % {"name": change.partner.name}),
        },
        status=400 if form is not None else 200,
    )


def _awaiting(change_id):
    # Locks the proposal alone: PostgreSQL cannot lock the nullable side of a join (proposed_by).
    change = PartnerProfileChange.objects.select_for_update().filter(pk=change_id).first()
    if change is None:
        raise Http404
    return change


@require_POST
def approve(request, change_id):
    _require_approver(request)
    with transaction.atomic():
        change = _awaiting(change_id)
        if change.status != ProfileChangeStatus.AWAITING_REVIEW:
            messages.warning(request, _("This change is not waiting for review any more."))
            return redirect("clpages_profile_change", change_id=change.pk)
        partner = change.partner
        for name in PROFILE_FIELDS:
            if name != "languages":
                setattr(partner, name, getattr(change, name))
        # Saving the organisation starts a new content generation when this commits: cached
        # pages and shared facts show the new profile on the next request.
        partner.save()
        partner.languages.set(change.languages.all())
        change.status = ProfileChangeStatus.APPROVED
        change.reviewed_by = request.user
        change.reviewed_at = timezone.now()
        change.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        log(instance=partner, action="wagtail.edit", user=request.user)
        _refresh_translation_source(partner)
    _tell_proposer(change, "approved")
    messages.success(
        request,
        _("The changes to %(name)s's profile are approved and now on the website.") % {"name": partner.name},
    )
    return redirect("clpages_profile_changes")


@require_POST
def request_changes(request, change_id):
    _require_approver(request)
    form = RequestChangesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was sent. Please correct the errors below."))
        return review(request, change_id, form=form)
    with transaction.atomic():
        change = _awaiting(change_id)
        if change.status != ProfileChangeStatus.AWAITING_REVIEW:
            messages.warning(request, _("This change is not waiting for review any more."))
            return redirect("clpages_profile_change", change_id=change.pk)
        change.status = ProfileChangeStatus.CHANGES_REQUESTED
        change.comment = form.cleaned_data["comment"]
        change.reviewed_by = request.user
        change.reviewed_at = timezone.now()
        change.save(update_fields=["status", "comment", "reviewed_by", "reviewed_at"])
    _tell_proposer(change, "changes_requested")
    messages.success(
        request,
        _("We asked %(name)s for changes; they have your comment by email.") % {"name": change.partner.name},
    )
    return redirect("clpages_profile_changes")


def _refresh_translation_source(partner):
    """Offer translators the new words; the published translations keep theirs until then."""
    if not apps.is_installed("wagtail_localize"):
        return
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(
        object_id=partner.translation_key, locale_id=partner.locale_id
    ).first()
    if source is not None:
        source.update_from_db()


# -- emails ------------------------------------------------------------------------------------


def approvers():
    """Everyone who may approve a profile change and has an email address."""
    User = get_user_model()
    app_label, codename = APPROVE_PERMISSION.split(".")
    holds = Q(groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label)
    holds |= Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
    candidates = User.objects.filter(holds, is_active=True).exclude(email="").distinct().order_by("pk")
    return [user for user in candidates if may_approve(user)]


def _send(template, context, user, purpose):
    try:
        send_account_email(template, context, user, purpose)
    except EmailNotSent:
        # The proposal is stored and listed for review either way; the log says who missed out.
        logger.warning("The %s email for profile change %s was not sent", purpose, context["change"].pk)


def _tell_approvers(change):
    context = {
        "change": change,
        "partner": change.partner,
        "review_url": admin_url(reverse("clpages_profile_change", args=(change.pk,))),
    }
    for user in approvers():
        _send("clpages/admin/profiles/emails/to_review", context, user, "profile change to review")


def _tell_proposer(change, outcome):
    user = change.proposed_by
    if user is None or not user.email or not user.is_active:
        return
    context = {
        "change": change,
        "partner": change.partner,
        "profile_url": admin_url(reverse("clpages_organisation_profile", args=(change.partner_id,))),
    }
    _send(f"clpages/admin/profiles/emails/{outcome}", context, user, f"profile change {outcome}")


# -- the admin's menu and addresses ------------------------------------------------------------


class YourOrganisationMenuItem(MenuItem):
    def is_shown(self, request):
        return own_organisations(request.user).exists()


class ProfileChangesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_approve(request.user)


def menu_items():
    """`register_admin_menu_item` hooks."""
    return [
        lambda: YourOrganisationMenuItem(
            gettext_lazy("Your organisation"),
            reverse("clpages_your_organisation"),
            name="clpages-your-organisation",
            icon_name="group",
            order=240,
        ),
        lambda: ProfileChangesMenuItem(
            gettext_lazy("Profile changes"),
            reverse("clpages_profile_changes"),
            name="clpages-profile-changes",
            icon_name="tasks",
            order=260,
        ),
    ]


def _refused_with_403(view):
    """Wagtail's admin would answer PermissionDenied with a redirect to the dashboard; a forged or
    mistaken request here is told plainly, with a 403, that nothing was changed."""

    @wraps(view)
    def refusing(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            context = _title(_("You cannot open this profile"))
            return render(request, "clpages/admin/profiles/refused.html", context, status=403)

    return refusing


def admin_urls():
    """A `register_admin_urls` hook."""
    return [
        path(
            "community/your-organisation/",
            _refused_with_403(your_organisation),
            name="clpages_your_organisation",
        ),
        path(
            "community/partners/<int:partner_id>/profile/",
            _refused_with_403(organisation_profile),
            name="clpages_organisation_profile",
        ),
        path("community/profile-changes/", _refused_with_403(review_list), name="clpages_profile_changes"),
        path(
            "community/profile-changes/<int:change_id>/",
            _refused_with_403(review),
            name="clpages_profile_change",
        ),
        path(
            "community/profile-changes/<int:change_id>/approve/",
            _refused_with_403(approve),
            name="clpages_approve_profile_change",
        ),
        path(
            "community/profile-changes/<int:change_id>/request-changes/",
            _refused_with_403(request_changes),
            name="clpages_request_profile_changes",
        ),
    ]
