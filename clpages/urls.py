"""Public URLs of the community section that are not pages: include them before Wagtail's."""

app_name = "clpages"

urlpatterns = []
