"""The self-assessment's permission policy for Wagtail's generic admin views (clpages.assessment.access)."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from clpages.assessment.access import access_for


class AssessmentPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        access = access_for(user)
        if action == "view":
            return access.sees
        return access.may(action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()
