from django.urls import path

from clpages.surveys import views

app_name = "clpages_surveys"

urlpatterns = [
    path("<int:survey_id>/", views.answer, name="answer"),
    path("<int:survey_id>/thank-you/", views.thanks, name="thanks"),
]
