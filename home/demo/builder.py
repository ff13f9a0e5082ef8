"""Builds the demo library from content.py. Existing records are left exactly as they are."""

import datetime
from decimal import Decimal

from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from clpages.models import (
    ActionGroupDecision,
    ActionGroupIndexPage,
    ActionGroupMeeting,
    ActionGroupPage,
    Audience,
    CommunityHubPage,
    CommunityPartner,
    EvaluationIndexPage,
    EvaluationMeasure,
    EvaluationPage,
    EvaluationQuote,
    EvaluationResponse,
    Language,
    LibraryDetails,
    Location,
    MeasureResult,
    PartnershipIndexPage,
    PartnershipNextStep,
    PartnershipPage,
    ProgramIndexPage,
    ProgramPage,
    ProgramSession,
    ProgramStageChange,
    SessionException,
)
from home.models import HomePage

from . import content
from .images import partner_logo, program_image
from .translate import DemoTranslator

HUB_INTRO = (
    "<p>At Riverbend Public Library, community members and local organisations plan, lead and "
    "evaluate programs with us. Here you can see what we are working on together, who is leading "
    "it, and how it is going.</p>"
)
HUB_APPROACH = (
    "<p>We share decisions with the people our services are for. Community members and partner "
    "organisations have real responsibility and a real say; library staff bring people together "
    "and offer the library's resources.</p><p>We agree what success looks like with the community "
    "<b>before</b> a program starts, and we report back on it in public.</p>"
)


class DemoBuilder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def _new(self, what):
        self.created += 1
        self.log(f"  created {what}")

    def build(self):
        self.today = timezone.localdate()
        # Every record the demo looks up by name is the original, in the default language: a
        # translation may carry the same name (an organisation's, "Tagalog").
        self.locale = Locale.get_default()
        home = self.home_page()
        hub = self.child(
            home,
            CommunityHubPage,
            "community",
            title="Community-led planning",
            intro=HUB_INTRO,
            approach=HUB_APPROACH,
            show_in_menus=True,
        )
        indexes = {
            "programs": self.child(
                hub,
                ProgramIndexPage,
                "programs",
                title="Programs",
                show_in_menus=True,
                intro="<p>Programs and services planned and led with our community.</p>",
            ),
            "partnerships": self.child(
                hub,
                PartnershipIndexPage,
                "partnerships",
                title="Partnerships",
                intro="<p>The organisations and groups we work with, and how.</p>",
            ),
            "evaluations": self.child(
                hub,
                EvaluationIndexPage,
                "evaluations",
                title="Results and learning",
                intro="<p>How our programs are going, measured the way the community asked.</p>",
            ),
            "action_groups": self.child(
                hub,
                ActionGroupIndexPage,
                "action-groups",
                title="Action groups",
                intro="<p>Community groups that plan programs with the library, and what they decided.</p>",
            ),
        }
        self.vocabularies()
        self.locations = {key: self.location(data) for key, data in content.LOCATIONS.items()}
        self.partners = {data["name"]: self.partner(data) for data in content.PARTNERS}
        programs = {data["slug"]: self.program(indexes["programs"], data) for data in content.PROGRAMS}
        partnerships = {
            data["slug"]: self.partnership(indexes["partnerships"], data) for data in content.PARTNERSHIPS
        }
        for data in content.ACTION_GROUPS:
            self.action_group(indexes["action_groups"], data)
        for data in content.EVALUATIONS:
            self.evaluation(indexes["evaluations"], data, programs, partnerships)
        self.listening(programs[content.LISTENING["program"]], content.LISTENING)
        self.self_assessments()
        self.created += DemoTranslator(log=self.log).translate_all(home)
        return self.created

    # The page tree -------------------------------------------------------------------------

    def home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's initial "Welcome" page holds the slug "home"; it has no content to keep.
            for welcome in root.get_children().filter(content_type__model="page", slug="home"):
                if not welcome.get_children().exists():
                    welcome.delete()
            home = root.add_child(
                instance=HomePage(
                    title="Welcome to Riverbend Public Library",
                    slug="home",
                    intro="<p>Books, spaces and programs for everyone in Riverbend, many of them "
                    "planned with the community.</p>",
                )
            )
            home.save_revision().publish()
            self._new("home page")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Riverbend Public Library",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = site.site_name or "Riverbend Public Library"
            site.save()
        self.library_details(site or Site.objects.get(is_default_site=True))
        return home

    def library_details(self, site):
        if not LibraryDetails.objects.filter(site=site).exists():
            details = LibraryDetails(site=site, **content.LIBRARY)
            details.full_clean()
            details.save()
            self._new("library details")

    def child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self._new(f"{model._meta.verbose_name} {page.title!r}")
        return page

    def moment(self, days, hour):
        """``hour`` o'clock, ``days`` from today (before it when negative), in local time."""
        midnight = datetime.datetime.combine(self.today + datetime.timedelta(days=days), datetime.time())
        return timezone.make_aware(midnight) + datetime.timedelta(hours=hour)

    # Records ---------------------------------------------------------------------------------

    def vocabularies(self):
        for name in content.AUDIENCES:
            if not Audience.objects.filter(name=name, locale=self.locale).exists():
                Audience.objects.create(name=name, locale=self.locale)
                self._new(f"audience {name}")
        for name, (code, own_name) in content.LANGUAGES.items():
            if not Language.objects.filter(name=name, locale=self.locale).exists():
                Language.objects.create(name=name, code=code, own_name=own_name, locale=self.locale)
                self._new(f"language {name}")

    def location(self, data):
        existing = Location.objects.filter(name=data["name"], locale=self.locale).first()
        if existing:
            return existing
        self._new(f"location {data['name']}")
        return Location.objects.create(locale=self.locale, **data)

    def partner(self, data):
        existing = CommunityPartner.objects.filter(name=data["name"], locale=self.locale).first()
        if existing:
            return existing
        fields = {k: v for k, v in data.items() if k != "languages"}
        partner = CommunityPartner.objects.create(
            logo=partner_logo(data["name"]), locale=self.locale, **fields
        )
        partner.languages.set(self.languages(data["languages"]))
        self._new(f"partner {partner.name}")
        return partner

    def program(self, index, data):
        existing = ProgramPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if existing:
            return existing
        program = ProgramPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            stage=data["stage"],
            image=program_image(data["title"]),
            body=[("text", f"<p>{data['body']}</p>")],
            community_goals=f"<p>{data['goals']}</p>",
            success_looks_like=f"<p>{data['success']}</p>",
            success_agreed_by=data.get("success_agreed_by", ""),
            success_agreed_on=self.today + datetime.timedelta(days=data["success_agreed_on"])
            if "success_agreed_on" in data
            else None,
            step_free_access=all(self.locations[s[3]].step_free_access for s in data["sessions"] if s[3]),
            captions=data.get("captions", False),
            interpretation=data.get("interpretation", ""),
            sensory_friendly=data.get("sensory_friendly", False),
            accessibility_notes=data.get("accessibility_notes", ""),
            is_free=data.get("is_free", True),
            cost_details=data.get("cost_details", ""),
        )
        program.co_created_with = [self.partners[name] for name in data["partners"]]
        program.audiences = list(Audience.objects.filter(name__in=data["audiences"], locale=self.locale))
        program.languages = list(self.languages(data["languages"]))
        index.add_child(instance=program)
        program.tags.add(*data["topics"])
        for number, (days, hour, hours, location, extra) in enumerate(data["sessions"]):
            start = self.moment(days, hour)
            status = "scheduled"
            if number in data.get("cancel", []):
                status = "cancelled"
            elif number in data.get("full", []):
                status = "full"
            session = ProgramSession.objects.create(
                program=program,
                start=start,
                end=start + datetime.timedelta(hours=hours),
                location=self.locations[location] if location else None,
                status=status,
                **extra,
            )
            if number == 0:
                self.changes_to_dates(session, data.get("changes", []))
            if number in data.get("registrations", {}):
                self.registrations(session, data["registrations"][number])
        program.save()
        program.save_revision().publish()
        self.timeline(program, data.get("timeline"))
        self._new(f"program {program.title!r}")
        return program

    def timeline(self, program, entries):
        """A program's stage changes as if recorded over the months before (its first publication
        recorded today's stage; the demo's history replaces it)."""
        if not entries:
            return
        ProgramStageChange.objects.filter(program=program).delete()
        now = timezone.now()
        ProgramStageChange.objects.bulk_create(
            ProgramStageChange(
                program=program,
                stage=stage,
                changed_at=now - datetime.timedelta(days=days_ago),
                by_partner=self.partners[by] if by else None,
                by_library=not by,
                note=note,
            )
            for days_ago, stage, by, note in entries
        )

    def languages(self, names):
        return Language.objects.filter(name__in=list(names), locale=self.locale)

    def registrations(self, session, taken):
        """Sample registrations (example.org addresses) for a session registering on this website."""
        if not apps.is_installed("clpages.registrations"):
            return
        registration = apps.get_model("clpages_registrations", "Registration")
        date_key = session.occurrences.order_by("start").first().key
        needs = taken.get("needs", [])
        rows = []
        for status in ("confirmed", "waitlisted"):
            for number, places in enumerate(taken.get(status, [])):
                person = len(rows) + 1
                rows.append(
                    registration(
                        session=session,
                        date_key=date_key,
                        status=status,
                        places=places,
                        name=f"Sample registrant {person}",
                        email=f"registrant{person}.{session.pk}@example.org",
                        **(needs[number] if status == "confirmed" and number < len(needs) else {}),
                    )
                )
        registration.objects.bulk_create(rows)

    def listening(self, page, data):
        """A question a program asks, approved, with answers a moderator has already read."""
        if not apps.is_installed("clpages.listening"):
            return
        question_model = apps.get_model("clpages_listening", "ListeningQuestion")
        if question_model.objects.filter(page=page).exists():
            return
        now = timezone.now()
        question = question_model.objects.create(page=page, text=data["question"], approved_at=now)
        answer_model = apps.get_model("clpages_listening", "ListeningAnswer")
        languages = {language.name: language for language in self.languages(content.LANGUAGES)}
        answer_model.objects.bulk_create(
            answer_model(
                question=question,
                text=answer["text"],
                credit=answer["credit"],
                language=languages.get(answer["language"]),
                consent=answer["consent"],
                status=answer["status"],
                moderated_at=None if answer["status"] == "new" else now,
            )
            for answer in data["answers"]
        )
        self._new(f"listening question on {page.title!r}")

    def changes_to_dates(self, session, changes):
        dates = session.planned()
        for position, change, days_later, note in changes:
            moved_to = None
            if change == "moved":
                # Days later on the local clock, so the time stays the same across a clock change.
                local = timezone.localtime(dates[position].start).replace(tzinfo=None)
                moved_to = timezone.make_aware(local + datetime.timedelta(days=days_later))
            SessionException.objects.create(
                session=session,
                date=timezone.localtime(dates[position].original_start).date(),
                change=change,
                new_start=moved_to,
                new_end=moved_to and moved_to + (dates[position].end - dates[position].start),
                note=note,
            )

    def partnership(self, index, data):
        existing = PartnershipPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if existing:
            return existing
        page = PartnershipPage(
            title=data["title"],
            slug=data["slug"],
            partner=self.partners[data["partner"]],
            summary=data["summary"],
            framing_stage=data["framing_stage"],
            **{f"notes_{stage}": note for stage, note in data["notes"].items()},
            **data["prompts"],
        )
        index.add_child(instance=page)
        for what, who, days, done in data["next_steps"]:
            PartnershipNextStep.objects.create(
                partnership=page,
                what=what,
                who=who,
                when=self.today + datetime.timedelta(days=days),
                done=done,
            )
        page.save_revision().publish()
        self._new(f"partnership {page.title!r}")
        return page

    def action_group(self, index, data):
        existing = ActionGroupPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if existing:
            return existing
        page = ActionGroupPage(
            title=data["title"],
            slug=data["slug"],
            group=self.partners[data["group"]],
            summary=data["summary"],
            remit=data["remit"],
        )
        index.add_child(instance=page)
        for order, (days, hour, hours, location, about) in enumerate(data["meetings"]):
            start = self.moment(days, hour)
            ActionGroupMeeting.objects.create(
                page=page,
                start=start,
                end=start + datetime.timedelta(hours=hours),
                location=self.locations[location],
                about=about,
                sort_order=order,
            )
        for order, (days, decision, decided_by, note) in enumerate(data["decisions"]):
            ActionGroupDecision.objects.create(
                page=page,
                decided_on=self.today + datetime.timedelta(days=days),
                decision=decision,
                decided_by=decided_by,
                note=note,
                sort_order=order,
            )
        ActionGroupPage.objects.get(pk=page.pk).save_revision().publish()
        self._new(f"action group {page.title!r}")
        return page

    def evaluation(self, index, data, programs, partnerships):
        existing = EvaluationPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if existing:
            return existing

        def day(offset):
            return self.today + datetime.timedelta(days=offset)

        page = EvaluationPage(
            title=data["title"],
            slug=data["slug"],
            program=programs.get(data.get("program")),
            partnership=partnerships.get(data.get("partnership")),
            summary=data["summary"],
            period_start=day(data["period"][0]),
            period_end=day(data["period"][1]),
            findings=f"<p>{data['findings']}</p>",
            what_changed=f"<p>{data['what_changed']}</p>",
        )
        index.add_child(instance=page)
        for order, measure in enumerate(data["measures"]):
            record = EvaluationMeasure.objects.create(
                evaluation=page,
                sort_order=order,
                name=measure["name"],
                kind=measure["kind"],
                unit=measure.get("unit", ""),
                baseline=_decimal(measure.get("baseline")),
                target=_decimal(measure.get("target")),
            )
            MeasureResult.objects.bulk_create(
                MeasureResult(
                    measure=record, entered_in=record, date=day(offset), value=_decimal(value), note=note
                )
                for offset, value, note in measure["results"]
            )
        said_in = {language.name: language for language in self.languages(content.LANGUAGES)}
        for order, (text, attribution, consent, language) in enumerate(data["quotes"]):
            EvaluationQuote.objects.create(
                evaluation=page,
                sort_order=order,
                text=text,
                attribution=attribution,
                consent=consent,
                language=said_in[language],
            )
        for order, (said, did, status) in enumerate(data.get("responses", [])):
            EvaluationResponse.objects.create(
                evaluation=page, sort_order=order, you_said=said, we_did=did, status=status
            )
        page.save_revision().publish()
        if "survey" in data:
            self.survey(page, data["survey"], day(data["period"][1] - 30))
        self._new(f"evaluation {page.title!r}")
        return page

    def survey(self, page, data, first_day):
        """An outcome survey with its answers, when the survey app is installed."""
        if not apps.is_installed("clpages.surveys"):
            return
        # Imported here: the survey app is optional, and the demo works without it.
        from clpages.surveys.demo import add_demo_survey

        add_demo_survey(page, data, first_day)
        self._new(f"survey {data['title']!r}")

    def self_assessments(self):
        """A team's two change-model self-assessments, when the assessment app is installed."""
        if not apps.is_installed("clpages.assessment"):
            return
        # Imported here: the assessment app is optional, and the demo works without it.
        from clpages.assessment.demo import add_demo_assessments

        for _ in range(add_demo_assessments(self.today)):
            self._new("self-assessment")


def _decimal(value):
    return None if value is None else Decimal(str(value))
