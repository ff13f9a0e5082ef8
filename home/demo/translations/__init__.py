"""The demo's words in French (fr.py) and Arabic (ar.py), keyed by the English they translate.

Rich text is translated a paragraph at a time, keeping its tags (<b>, <i>, links) where the meaning
puts them. Names of organisations and places' street addresses are not translated.
"""

from .. import content

# Organisations' own names, and words quoted in the language they were said in.
SAME_IN_EVERY_LANGUAGE = (
    {partner["name"] for partner in content.PARTNERS}
    | {
        quote[0]
        for evaluation in content.EVALUATIONS
        for quote in evaluation["quotes"]
        if quote[3] != "English"
    }
    | {"%"}
)
