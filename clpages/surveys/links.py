"""The surveys open to a program's patrons, for the emails of the app taking registrations
(``clpages.joining.survey_links``)."""

from clpages.joining import SurveyLink
from clpages.surveys.models import Survey
from clpages.surveys.views import answer_path
from clpages.surveys.vocabulary import SurveyKind


def open_survey_links(program_ids):
    """{program id: [SurveyLink]} in one query: surveys open to the public, on live pages."""
    surveys = (
        Survey.objects.filter(
            evaluation__program_id__in=list(program_ids),
            evaluation__live=True,
            is_open=True,
            approved_at__isnull=False,
        )
        .select_related("evaluation")
        .order_by("created_at", "pk")
    )
    links = {}
    for survey in surveys:
        weeks = survey.weeks_after or 0 if survey.kind == SurveyKind.FOLLOW_UP else 0
        links.setdefault(survey.evaluation.program_id, []).append(SurveyLink(answer_path(survey), weeks))
    return links


def surveys_inviting(evaluation_id):
    """[SurveyLink] of the surveys open to the public about this page, in one query."""
    surveys = Survey.objects.filter(evaluation_id=evaluation_id, is_open=True, approved_at__isnull=False)
    return [SurveyLink(answer_path(s), title=s.title) for s in surveys.order_by("created_at", "pk")]
