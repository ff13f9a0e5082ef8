"""The quick <select> renders the same choices as Django's, escaped, with the choice kept."""

from django import forms

from clpages.widgets import QuickSelect


class PlaceForm(forms.Form):
    place = forms.ChoiceField(
        choices=[("", "Any place"), ("1", "Maple <Branch> & Annex"), ("2", "Central")],
        required=False,
        help_text="Where sessions happen.",
        widget=QuickSelect,
    )


def test_options_are_escaped_and_the_choice_is_selected():
    html = str(PlaceForm({"place": "2"})["place"])
    assert '<option value="1">Maple &lt;Branch&gt; &amp; Annex</option>' in html
    assert '<option value="2" selected>Central</option>' in html
    assert '<option value="">Any place</option>' in html
    assert html.count("selected") == 1


def test_label_and_help_text_stay_connected():
    html = str(PlaceForm()["place"])
    assert 'id="id_place"' in html
    assert 'aria-describedby="id_place_helptext"' in html
    assert html.startswith('<select name="place"')
