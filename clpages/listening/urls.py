from django.urls import path

from clpages.listening import views

app_name = "clpages_listening"

urlpatterns = [
    path("<int:question_id>/", views.answer, name="answer"),
    path("<int:question_id>/thanks/", views.thanks, name="thanks"),
]
