from django.urls import path

from clpages.registrations import views

app_name = "clpages_registrations"

urlpatterns = [
    path("<int:session_id>/<str:date_key>/", views.register, name="register"),
    path("yours/<str:token>/", views.manage, name="manage"),
]
