"""Success as the community agreed it, up front: one text, kept on the program's page.

Community-led planning agrees what success means before the work begins. The program page holds
that agreement (what, who, when); its results and learning pages show it rather than a second
wording of their own. A results page keeps its own only when nothing else says it: a
partnership's evaluation, or a program page that does not say it yet. Editors are warned, never
stopped, when the agreement came after the work began.
"""

import dataclasses
import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date


@dataclasses.dataclass(frozen=True)
class AgreedSuccess:
    text: str  # rich text
    agreed_by: str
    agreed_on: datetime.date | None
    on_program: bool  # whether it comes from the program's page


def first_session_day(program):
    """The day of a program's first session, from its sessions as this page or revision has them."""
    starts = [session.start for session in program.sessions.all() if session.start]
    return timezone.localtime(min(starts)).date() if starts else None


def _day(date):
    return format_date(date, "l j F Y")


def late_warning(agreed_on, began, what_began):
    if agreed_on and began and agreed_on > began:
        return (
            f"Success was agreed on {_day(agreed_on)}, after {what_began} on {_day(began)}. "
            "Community-led planning agrees what success means before the work begins: say on the "
            "page why it came later, or agree it again for the next round."
        )
    return None


def program_warnings(program):
    warning = late_warning(program.success_agreed_on, first_session_day(program), "the first session")
    return [warning] if warning else []


def agreed_success(evaluation, program):
    """The success an evaluation is measured against: its program's agreement when the program
    page says it, otherwise the evaluation's own."""
    if program is not None and program.success_looks_like:
        return AgreedSuccess(
            program.success_looks_like, program.success_agreed_by, program.success_agreed_on, True
        )
    return AgreedSuccess(
        evaluation.success_definition, evaluation.success_agreed_by, evaluation.success_agreed_on, False
    )


def evaluation_warnings(evaluation, program):
    warnings = []
    agreed = agreed_success(evaluation, program)
    if agreed.on_program and evaluation.success_definition:
        warnings.append(
            "The program's page already says what success looks like, and that is what this page "
            "shows. The wording below is not shown: leave it empty, or change the program's page."
        )
    began = [(evaluation.period_start, "the start of the period covered")]
    if program is not None and (first := first_session_day(program)):
        began.append((first, "the program's first session"))
    began = [pair for pair in began if pair[0]]
    if began:
        day, what = min(began)
        if warning := late_warning(agreed.agreed_on, day, what):
            warnings.append(warning)
    return warnings
