"""The surveys' permission policy for Wagtail's generic admin views (clpages.surveys.access)."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from clpages.surveys.access import access_for


class SurveyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        access = access_for(user)
        if action == "delete":
            return access.deletes
        return access.prepares_any

    def user_has_permission_for_instance(self, user, action, instance):
        access = access_for(user)
        if not self.user_has_permission(user, action):
            return False
        return access.may_prepare(instance.evaluation_id)

    def instances_user_has_permission_for(self, user, action):
        access = access_for(user)
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        return self.model.objects.filter(evaluation__in=access.evaluations().values("pk"))
