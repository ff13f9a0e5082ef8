"""A results page's measures in another language: the original's results, the translation's words.

A translated results page holds translated measures (their names and units) but no results: those
are recorded once, on the original's measures, so no total, headline or email counts them twice.
"""

from django.apps import apps

from clpages.i18n.originals import default_locale_id


def reword_measures(measures, locale_id):
    """The original's ``measures``, each named and with its unit as translated into ``locale_id``.

    Matched by translation key, in one query (none for the default language); a measure not yet
    translated keeps its words. Changes the instances in place and returns them as a list.
    """
    measures = list(measures)
    if not measures or locale_id is None or locale_id == default_locale_id():
        return measures
    model = apps.get_model("clpages", "EvaluationMeasure")
    words = {
        key: (name, unit)
        for key, name, unit in model.objects.filter(
            locale_id=locale_id, translation_key__in=[measure.translation_key for measure in measures]
        ).values_list("translation_key", "name", "unit")
    }
    for measure in measures:
        name, unit = words.get(measure.translation_key, (None, None))
        if name:
            measure.name = name
        if unit:
            measure.unit = unit
    return measures
