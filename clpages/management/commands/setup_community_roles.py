from django.core.management.base import BaseCommand, CommandError

from clpages.partners.roles import RoleConflict, setup_community_roles
from clpages.partners.workflows import ensure_community_review_workflow


class Command(BaseCommand):
    help = (
        "Create or update the library editors' and community partners' groups (found by the "
        "permission each holds, so renamed groups are kept; 'Library editors' and 'Community "
        "partners' are created only when no group holds it), their page and collection "
        "permissions, each partner organisation's collection, and the 'Community review' "
        "workflow on the community section. Safe to run again."
    )

    def handle(self, *args, **options):
        try:
            setup_community_roles(stdout=self.stdout if options["verbosity"] > 0 else None)
        except RoleConflict as conflict:
            raise CommandError(str(conflict)) from conflict
        # Needs the library editors' group the roles create, and the hubs to assign it to.
        workflow = ensure_community_review_workflow()
        if options["verbosity"] > 0:
            hubs = workflow.workflow_pages.count()
            self.stdout.write(f"Workflow '{workflow.name}' assigned to {hubs} community hub(s).")
