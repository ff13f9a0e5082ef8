"""The fictional Riverbend Public Library and the people it plans with.

Sessions are given as (days from today, start hour, hours long, location key or None, extras)
so the demo always has sessions in the coming weeks. A program's "changes" apply to the dates
of its first session's series: (which date, counted from 0, "cancelled" or "moved", days moved
later, note for patrons).
"""

# Settings > Library details. 555-01xx numbers and example.org addresses reach nobody.
LIBRARY = {
    "name": "Riverbend Public Library",
    "phone": "+1 555-555-0123",
    "email": "askus@riverbend.example.org",
    "street_address": "200 Market Square",
    "city": "Riverbend",
    "region": "ON",
    "postcode": "K0R 1A0",
    "opening_hours_url": "https://riverbend.example.org/hours/",
    "currency": "CAD",
}

AUDIENCES = ["Children", "Teens", "Adults", "Older adults", "Families", "Newcomers"]
# Each language with its code (for lang="" and screen readers) and the name its speakers use.
LANGUAGES = {
    "English": ("en", "English"),
    "French": ("fr", "Français"),
    "Arabic": ("ar", "العربية"),
    "Dari": ("prs", "دری"),
    "Spanish": ("es", "Español"),
    "American Sign Language": ("ase", "ASL"),
    "Tagalog": ("tl", "Tagalog"),
}

LOCATIONS = {
    "central": {
        "name": "Central Library",
        "kind": "branch",
        "street_address": "200 Market Square",
        "city": "Riverbend",
        "postcode": "K0R 1A0",
        "step_free_access": True,
        "accessibility_notes": "Step-free entrance on Market Square. Lift to all floors. "
        "Accessible washrooms on every floor. Quiet room on the second floor.",
    },
    "northside": {
        "name": "Northside Branch",
        "kind": "branch",
        "street_address": "45 Alder Avenue",
        "city": "Riverbend",
        "postcode": "K0R 1B2",
        "step_free_access": True,
        "accessibility_notes": "Ramp at the side entrance. Bus 7 stops outside.",
    },
    "eastgate": {
        "name": "Eastgate Branch",
        "kind": "branch",
        "street_address": "9 Orchard Road",
        "city": "Riverbend",
        "postcode": "K0R 1C4",
        "step_free_access": False,
        "accessibility_notes": "Three steps at the main door; a portable ramp is available, "
        "ring the bell. The children's area is on the ground floor.",
    },
    "maple_ridge": {
        "name": "Maple Ridge Community Centre",
        "kind": "venue",
        "street_address": "310 Maple Ridge Drive",
        "city": "Riverbend",
        "postcode": "K0R 1D6",
        "step_free_access": True,
        "accessibility_notes": "Ground-floor meeting room. Free parking.",
    },
    "harbour": {
        "name": "Harbour Street Seniors' Centre",
        "kind": "venue",
        "street_address": "18 Harbour Street",
        "city": "Riverbend",
        "postcode": "K0R 1E8",
        "step_free_access": True,
        "accessibility_notes": "Hearing loop in the main hall. Accessible washroom.",
    },
}

PARTNERS = [
    {
        "name": "Riverbend Newcomers Network",
        "kind": "community",
        "description": "A network of newcomer families and volunteers who help each other settle in "
        "Riverbend: housing, school, work and friendship.",
        "website": "https://newcomers.riverbend.example",
        "languages": ["Arabic", "Dari", "French", "English"],
        "communities_served": "Refugee and immigrant families, especially those who arrived in the "
        "last five years.",
        "contact_name": "Samira Haddad",
        "contact_email": "samira.private@newcomers.riverbend.example",
        "contact_phone": "555-0101",
    },
    {
        "name": "Northside Youth Collective",
        "kind": "youth",
        "description": "Young people aged 13 to 19 from the Northside who run their own projects, "
        "from murals to a community radio show.",
        "website": "https://nyc.riverbend.example",
        "languages": ["English", "Spanish", "Tagalog"],
        "communities_served": "Teens in the Northside neighbourhood.",
        "contact_name": "Jordan Reyes",
        "contact_email": "jordan.private@nyc.riverbend.example",
        "contact_phone": "555-0102",
    },
    {
        "name": "Harbour Street Seniors Circle",
        "kind": "community",
        "description": "Older adults who meet weekly at the Harbour Street Seniors' Centre to learn, "
        "share meals and look out for each other.",
        "website": "",
        "languages": ["English", "French"],
        "communities_served": "Older adults living alone in the harbour area.",
        "contact_name": "Margaret Boucher",
        "contact_email": "m.boucher.private@example.net",
        "contact_phone": "555-0103",
    },
    {
        "name": "Maple Ridge Tenants' Association",
        "kind": "action_group",
        "description": "Tenants of the Maple Ridge apartment towers working together for safe, "
        "affordable homes.",
        "website": "https://mapleridgetenants.example",
        "languages": ["English", "Arabic", "Spanish"],
        "communities_served": "About 900 households in the Maple Ridge towers.",
        "contact_name": "Luis Ortega",
        "contact_email": "luis.private@mapleridgetenants.example",
        "contact_phone": "555-0104",
    },
    {
        "name": "Riverbend Deaf Community Centre",
        "kind": "community",
        "description": "A home for Deaf and hard of hearing people in the region, offering social "
        "events, advocacy and ASL classes.",
        "website": "https://deafcentre.riverbend.example",
        "languages": ["American Sign Language", "English"],
        "communities_served": "Deaf, DeafBlind and hard of hearing people and their families.",
        "contact_name": "Priya Natarajan",
        "contact_email": "priya.private@deafcentre.riverbend.example",
        "contact_phone": "555-0105",
    },
    {
        "name": "Eastgate Parents for Play",
        "kind": "action_group",
        "description": "Parents and carers in Eastgate who organise free outdoor play for young children.",
        "website": "",
        "languages": ["English", "Tagalog"],
        "communities_served": "Families with children under six in Eastgate.",
        "contact_name": "Grace Villanueva",
        "contact_email": "grace.private@example.net",
        "contact_phone": "555-0106",
    },
    {
        "name": "Riverbend Food Share",
        "kind": "health",
        "description": "A community food organisation running a food bank, community gardens and "
        "cooking classes.",
        "website": "https://foodshare.riverbend.example",
        "languages": ["English", "French", "Arabic"],
        "communities_served": "Anyone facing food insecurity in Riverbend.",
        "contact_name": "Tom Whitfield",
        "contact_email": "tom.private@foodshare.riverbend.example",
        "contact_phone": "555-0107",
    },
]


def _weekly(day, hour, hours, location, weeks=4, **extra):
    return [(day + 7 * week, hour, hours, location, dict(extra)) for week in range(weeks)]


PROGRAMS = [
    {
        "title": "Northside listening walks",
        "slug": "northside-listening-walks",
        "stage": 1,
        "partners": ["Northside Youth Collective"],
        "audiences": ["Teens", "Adults"],
        "languages": ["English", "Spanish"],
        "topics": ["neighbourhood", "youth voice"],
        "summary": "Young people lead walks around the Northside and show library staff the places "
        "that matter to them.",
        "body": "Instead of a survey, teens from the Northside Youth Collective take us on walks "
        "through their neighbourhood. We listen, take notes, and share what we learn back with them.",
        "goals": "Library staff understand what young people on the Northside care about, from "
        "young people themselves.",
        "success": "Teens say the library listened, and they want to plan something together next.",
        "sessions": _weekly(2, 16, 2, "northside", weeks=3),
    },
    {
        "title": "Getting to know Maple Ridge",
        "slug": "getting-to-know-maple-ridge",
        "stage": 1,
        "partners": ["Maple Ridge Tenants' Association"],
        "audiences": ["Adults", "Families"],
        "languages": ["English", "Arabic", "Spanish"],
        "topics": ["housing", "neighbourhood"],
        "summary": "Library staff join tenants' meetings and building events to learn what Maple "
        "Ridge residents want from their library.",
        "body": "We are guests at tenants' meetings, potlucks and the summer barbecue. No forms, "
        "no clipboards: just conversations.",
        "goals": "Build trust with Maple Ridge tenants through regular presence.",
        "success": "Tenants invite the library back and suggest what to do together.",
        "sessions": _weekly(5, 18, 2, "maple_ridge", weeks=2),
    },
    {
        "title": "Seniors' digital confidence circle",
        "slug": "seniors-digital-confidence-circle",
        "stage": 2,
        "partners": ["Harbour Street Seniors Circle"],
        "audiences": ["Older adults"],
        "languages": ["English", "French"],
        "topics": ["technology", "wellbeing"],
        "summary": "Older adults decide together what they want to learn about phones, tablets "
        "and staying safe online.",
        "body": "The circle meets to set its own learning goals. Library staff bring devices and "
        "answer questions, but the group chooses the topics.",
        "goals": "Older adults feel confident video-calling family and spotting scams.",
        "success": "Members can make a video call on their own and help a friend do the same.",
        "sessions": _weekly(1, 10, 1.5, "harbour", weeks=4),
        "captions": False,
        "interpretation": "French interpretation on request",
    },
    {
        "title": "Newcomer family priorities conversations",
        "slug": "newcomer-family-priorities",
        "stage": 2,
        "partners": ["Riverbend Newcomers Network"],
        "audiences": ["Newcomers", "Families"],
        "languages": ["Arabic", "Dari", "French"],
        "topics": ["settlement", "family"],
        "summary": "Newcomer families name their priorities for the coming year, in their own "
        "languages, over tea.",
        "body": "Conversations are hosted by Network volunteers in Arabic, Dari and French. "
        "Childcare is provided.",
        "goals": "A shared list of priorities that newcomer families choose themselves.",
        "success": "Families recognise their own words in the priorities we publish.",
        "sessions": [(4, 13, 2, "central", {}), (11, 13, 2, "central", {})],
    },
    {
        "title": "Tenant rights information nights",
        "slug": "tenant-rights-information-nights",
        "stage": 3,
        "partners": ["Maple Ridge Tenants' Association"],
        # The program's timeline: (days ago, stage, moved on by a partner or the library, note).
        "timeline": [
            (120, 1, None, "Library staff joined the association's monthly meetings to listen."),
            (
                75,
                2,
                "Maple Ridge Tenants' Association",
                "Tenants named these goals at their spring meeting: know your rights, and know "
                "where to get help before a hearing.",
            ),
            (
                30,
                3,
                "Maple Ridge Tenants' Association",
                "What we learned: evenings work better than weekends, and people want Arabic and "
                "Spanish interpretation at every session.",
            ),
        ],
        "audiences": ["Adults"],
        "languages": ["English", "Arabic", "Spanish"],
        "topics": ["housing", "legal information"],
        "summary": "Tenants plan a series of information nights about their rights, with help "
        "from the library's legal information collection.",
        "body": "The tenants' action group chooses the topics and speakers; the library provides "
        "the room, the books and a librarian to help find answers.",
        "goals": "Tenants know their rights and where to get help.",
        "success": "Fewer tenants face an eviction hearing without advice.",
        "sessions": [
            (
                9,
                19,
                2,
                "maple_ridge",
                {"format": "hybrid", "online_url": "https://meet.riverbend.example/tenants"},
            )
        ],
        "captions": True,
        "interpretation": "Arabic and Spanish interpreters at every session",
    },
    {
        "title": "ASL storytime planning group",
        "slug": "asl-storytime-planning-group",
        "stage": 3,
        "partners": ["Riverbend Deaf Community Centre"],
        "audiences": ["Families", "Adults"],
        "languages": ["American Sign Language", "English"],
        "topics": ["storytime", "deaf community"],
        "summary": "Deaf parents and storytellers plan a storytime for Deaf children and their "
        "hearing siblings.",
        "body": "The planning group meets online with ASL interpretation for library staff.",
        "goals": "Deaf children see themselves in storytime.",
        "success": "Deaf families come back every month and bring friends.",
        "sessions": [
            (6, 19, 1.5, None, {"format": "online", "online_url": "https://meet.riverbend.example/asl"})
        ],
        "captions": True,
        "interpretation": "ASL and English",
    },
    {
        "title": "Homework Help Club",
        "slug": "homework-help-club",
        "stage": 4,
        "partners": ["Riverbend Newcomers Network", "Northside Youth Collective"],
        "audiences": ["Children", "Teens", "Newcomers"],
        "languages": ["English", "Arabic", "Dari", "Spanish"],
        "topics": ["homework", "youth voice", "settlement"],
        "summary": "Teens from the Northside Youth Collective help younger newcomer children with "
        "homework, in their languages.",
        "body": "Designed by newcomer parents and Northside teens together. Drop in after school; "
        "snacks are provided by Riverbend Food Share.",
        "goals": "Newcomer children keep up at school and feel they belong.",
        "success": "Children finish their homework with confidence, and feel they belong at school "
        "and at the library. Teen tutors grow as leaders.",
        "success_agreed_by": "Newcomer parents and Northside teen tutors, at the planning meeting",
        "success_agreed_on": -150,
        "sessions": _weekly(1, 15.5, 2, "northside", weeks=6),
        "cancel": [2],
        "sensory_friendly": True,
        "accessibility_notes": "A quiet room next door is kept for children who need a break.",
    },
    {
        "title": "Teen Zine Lab",
        "slug": "teen-zine-lab",
        "stage": 4,
        "partners": ["Northside Youth Collective"],
        "audiences": ["Teens"],
        "languages": ["English"],
        "topics": ["creativity", "youth voice"],
        "summary": "Make your own zine about what matters to you, with teen organisers and the "
        "library's risograph printer.",
        "body": "Every session is run by two teen organisers. Bring your ideas; we have paper, "
        "pens, stickers and the printer.",
        "goals": "Teens have a creative space they run themselves.",
        "success": "Teens publish a zine and lead the next season.",
        "sessions": _weekly(3, 16, 2, "central", weeks=4, registration="site", capacity=15),
        # The first date is taken and two people wait; the second is nearly full.
        "registrations": {
            0: {"confirmed": [3, 4, 2, 2, 1, 1, 2], "waitlisted": [1, 2]},
            1: {"confirmed": [4, 4, 3, 2]},
        },
    },
    {
        "title": "Conversation Café",
        "slug": "conversation-cafe",
        "stage": 4,
        "partners": ["Riverbend Newcomers Network"],
        "audiences": ["Adults", "Newcomers"],
        "languages": ["English", "French"],
        "topics": ["language learning", "settlement"],
        "summary": "Practise English or French in a relaxed, friendly group, led by volunteers "
        "who were once newcomers too.",
        "body": "No registration. Come when you can. Tea and coffee are free.",
        "goals": "Newcomers feel confident speaking in everyday situations.",
        "success": "Participants say they spoke up somewhere new: at the doctor, at school, at work.",
        # One weekly series: its third date is cancelled, its fifth moved two days later.
        "sessions": [(2, 18, 1.5, "central", {"repeat": "weekly", "repeat_count": 12})],
        "changes": [
            (2, "cancelled", 0, "The library is closed for the holiday."),
            (4, "moved", 2, "This week we meet two days later than usual, in the same room."),
        ],
    },
    {
        "title": "ASL Storytime",
        "slug": "asl-storytime",
        "stage": 4,
        "partners": ["Riverbend Deaf Community Centre", "Eastgate Parents for Play"],
        "audiences": ["Children", "Families"],
        "languages": ["American Sign Language", "English"],
        "topics": ["storytime", "deaf community"],
        "summary": "Stories, songs and play in American Sign Language, led by Deaf storytellers.",
        "body": "For Deaf and hearing children under six and their families. Voice interpretation "
        "into English for hearing parents.",
        "goals": "Deaf children and hearing children play and learn together.",
        "success": "Families sign together at home and come back each month.",
        "sessions": _weekly(
            6,
            10,
            1,
            "eastgate",
            weeks=3,
            registration="external",
            registration_url="https://deafcentre.riverbend.example/storytime",
        ),
        "interpretation": "ASL with English voice interpretation",
        "sensory_friendly": True,
    },
    {
        "title": "Community Seed Library",
        "slug": "community-seed-library",
        "stage": 4,
        "partners": ["Riverbend Food Share"],
        "audiences": ["Adults", "Families", "Older adults"],
        "languages": ["English", "French", "Arabic"],
        "topics": ["gardening", "food"],
        "summary": "Borrow seeds, grow food, bring some seeds back. Workshops led by Food Share's "
        "community gardeners.",
        "body": "The seed library lives at Central Library. Gardeners from Food Share run monthly "
        "workshops on seed saving.",
        "goals": "More households grow some of their own food.",
        "success": "Seeds come back each autumn, and new gardeners join the workshops.",
        "sessions": [(8, 11, 2, "central", {}), (22, 11, 2, "central", {})],
        "is_free": False,
        "cost_details": "Borrowing seeds is free. The seed-saving workshops ask $5 for materials, "
        "waived for anyone who asks.",
    },
    {
        "title": "Play and Learn in the Park",
        "slug": "play-and-learn-in-the-park",
        "stage": 5,
        "partners": ["Eastgate Parents for Play"],
        "audiences": ["Children", "Families"],
        "languages": ["English", "Tagalog"],
        "topics": ["early literacy", "outdoor play"],
        "summary": "Outdoor stories and play for children under six, planned by Eastgate parents.",
        "body": "This summer's season has ended. We are looking at the results together with the "
        "parents who planned it; one wrap-up gathering is coming up.",
        "goals": "Young children in Eastgate play outside and enjoy books.",
        "success": "Parents feel welcome, and children ask for stories at home.",
        "success_agreed_by": "Eastgate Parents for Play",
        "success_agreed_on": -200,
        "sessions": [(10, 10, 1.5, "eastgate", {})],
        "sensory_friendly": True,
        "accessibility_notes": "Outdoors, with no amplified sound; children are free to move around.",
    },
    {
        "title": "Tech help for seniors",
        "slug": "tech-help-for-seniors",
        "stage": 5,
        "partners": ["Harbour Street Seniors Circle"],
        "audiences": ["Older adults"],
        "languages": ["English"],
        "topics": ["technology"],
        "summary": "One-to-one help with phones and tablets, shaped by what older adults asked for.",
        "body": "The first season is being evaluated with the Seniors Circle.",
        "goals": "Older adults stay connected with family and services.",
        "success": "Members make video calls on their own and feel less alone.",
        "success_agreed_by": "Members of the Harbour Street Seniors Circle",
        "success_agreed_on": -380,
        "sessions": [
            (7, 14, 2, "harbour", {"registration": "site", "capacity": 8, "places_per_registration": 2})
        ],
        # Registrants who told the library what they need: staff and the Seniors Circle see it.
        "registrations": {
            0: {
                "confirmed": [1, 2, 1],
                "needs": [
                    {"step_free_access": True},
                    {"captions": True, "other_needs": "Large print handouts"},
                    {},
                ],
            }
        },
        "is_free": True,
    },
]

PARTNERSHIPS = [
    {
        "title": "Working with the Riverbend Newcomers Network",
        "slug": "riverbend-newcomers-network",
        "partner": "Riverbend Newcomers Network",
        "summary": "Newcomer families and the library plan services together, in families' own languages.",
        "framing_stage": "co_create",
        "notes": {
            "relationships": "Library staff volunteer at the Network's Saturday welcome table.",
            "learn": "We learned which services families already use and trust.",
            "listen": "Priorities conversations in Arabic, Dari and French.",
            "align": "Shared goal: children's success at school.",
            "share": "The library shares rooms, devices and staff time; the Network shares its "
            "volunteers and trust.",
            "co_create": "Homework Help Club and Conversation Café, designed together.",
        },
        "prompts": {
            "people_to_reach": "Newcomer families with school-age children.",
            "get_to_know_them_by": "Joining the Network's welcome table and family events.",
            "one_of_their_goals": "Their children do well at school and make friends.",
            "they_are_ready_to": "Host conversations and recruit volunteer tutors.",
            "library_can_support_by": "Providing space after school, books in home languages and "
            "help with school technology.",
            "success_looks_like": "Children finish homework with confidence; parents feel at home "
            "in the library.",
            "we_will_communicate_by": "WhatsApp groups run by the Network, and monthly meetings.",
        },
        "next_steps": [
            ("Recruit four more teen tutors who speak Dari", "Northside Youth Collective", 14, False),
            ("Order picture books in Arabic and Dari", "Central Library collections team", 21, False),
            (
                "Agree the evaluation questions with parents",
                "Network volunteers and library staff",
                -10,
                True,
            ),
        ],
    },
    {
        "title": "Working with the Northside Youth Collective",
        "slug": "northside-youth-collective",
        "partner": "Northside Youth Collective",
        "summary": "Teens lead: the Collective runs programs at Northside Branch and shapes its teen space.",
        "framing_stage": "share",
        "notes": {
            "relationships": "Started at the Collective's mural project.",
            "learn": "Listening walks around the Northside.",
            "listen": "Teens told us the branch closes too early for them.",
            "align": "Agreed that teens should run their own programs.",
            "share": "Teen organisers have keys to the program room on Thursdays.",
        },
        "prompts": {
            "people_to_reach": "Teens on the Northside, especially those who don't use the library.",
            "get_to_know_them_by": "Listening walks and showing up at their events.",
            "one_of_their_goals": "A safe place to create and hang out after school.",
            "they_are_ready_to": "Organise and run sessions themselves.",
            "library_can_support_by": "Opening later, trusting teen organisers, paying for supplies.",
            "success_looks_like": "Teens run programs and bring their friends.",
            "we_will_communicate_by": "A group chat the teens moderate.",
        },
        "next_steps": [
            ("Pilot Thursday late opening", "Northside Branch manager", 30, False),
            ("Pay teen organisers an honorarium", "Library and Collective", -5, True),
        ],
    },
    {
        "title": "Working with the Harbour Street Seniors Circle",
        "slug": "harbour-street-seniors-circle",
        "partner": "Harbour Street Seniors Circle",
        "summary": "Older adults decide what they want to learn, and the library brings the tools.",
        "framing_stage": "align",
        "notes": {
            "relationships": "Monthly visits to the Circle's lunch.",
            "learn": "Members told us about scams and isolation.",
            "listen": "Goal-setting circles in English and French.",
            "align": "Shared goal: staying connected safely.",
        },
        "prompts": {
            "people_to_reach": "Older adults living alone near the harbour.",
            "get_to_know_them_by": "Sharing lunch at the Seniors' Centre.",
            "one_of_their_goals": "Video-call their grandchildren.",
            "they_are_ready_to": "Meet weekly and teach each other.",
            "library_can_support_by": "Lending tablets and offering patient one-to-one help.",
            "success_looks_like": "Members make video calls on their own.",
            "we_will_communicate_by": "The Centre's newsletter and phone calls.",
        },
        "next_steps": [("Lend ten tablets to the Circle", "Central Library", 7, False)],
    },
    {
        "title": "Working with the Riverbend Deaf Community Centre",
        "slug": "riverbend-deaf-community-centre",
        "partner": "Riverbend Deaf Community Centre",
        "summary": "Deaf storytellers and parents shape storytimes and make the library more accessible.",
        "framing_stage": "co_create",
        "notes": {
            "relationships": "Staff took ASL classes at the Centre.",
            "learn": "Deaf families told us storytime was not for them.",
            "listen": "Planning group meetings, in ASL.",
            "align": "Deaf children should see themselves in storytime.",
            "share": "Deaf storytellers are paid for their work.",
            "co_create": "ASL Storytime, planned and led by Deaf storytellers.",
        },
        "prompts": {
            "people_to_reach": "Deaf children and their families.",
            "get_to_know_them_by": "ASL classes and Deaf community events.",
            "one_of_their_goals": "Children grow up fluent and proud in ASL.",
            "they_are_ready_to": "Lead storytimes and train library staff.",
            "library_can_support_by": "Paying storytellers and booking interpreters.",
            "success_looks_like": "Deaf families come back every month.",
            "we_will_communicate_by": "Video messages in ASL with English captions.",
        },
        "next_steps": [
            ("Book voice interpreters for the next season", "Eastgate Branch", 10, False),
            ("Film a signed welcome video for the library website", "Deaf Community Centre", 45, False),
        ],
    },
]

# An action group planning one of the programs: its meetings are days from today, its decisions
# days before today. Its two members named on the page are demo users (home/demo_users.py).
ACTION_GROUPS = [
    {
        "title": "Maple Ridge tenants' action group",
        "slug": "maple-ridge-tenants",
        "group": "Maple Ridge Tenants' Association",
        "summary": "Tenants of the Maple Ridge towers who plan the tenant rights information nights "
        "with the library.",
        "remit": "We choose the topics and speakers of the tenant rights information nights, "
        "decide which languages each night is interpreted into, and tell our neighbours about them.",
        "meetings": [
            (-12, 19, 1, "maple_ridge", "Choosing the topics of the first nights"),
            (16, 19, 1, "maple_ridge", "Planning the night on repairs and rent increases"),
        ],
        "decisions": [
            (
                -12,
                "The first night is about repairs; the second about rent increases.",
                "The action group's meeting",
                "Most tenants who answered our door-to-door survey named repairs first.",
            ),
            (
                -5,
                "Every night is interpreted into Arabic and Spanish.",
                "The action group, with the library",
                "",
            ),
        ],
    }
]

EVALUATIONS = [
    {
        "title": "Homework Help Club: first term results",
        "slug": "homework-help-club-first-term",
        "program": "homework-help-club",
        "summary": "What newcomer families and teen tutors told us after the first term.",
        "period": (-120, -10),
        "measures": [
            {
                "name": "Children who say they finish homework with confidence",
                "kind": "survey",
                "unit": "%",
                "baseline": 35,
                "target": 70,
                "results": [
                    (-100, 42, "First check-in, picture survey"),
                    (-60, 55, ""),
                    (-15, 68, "End of term"),
                ],
            },
            {
                "name": "Children attending at least twice a month",
                "kind": "count",
                "unit": "children",
                "baseline": 0,
                "target": 30,
                "results": [(-100, 12, ""), (-60, 24, ""), (-15, 31, "")],
            },
            {
                "name": "Stories from families",
                "kind": "story",
                "unit": "stories",
                "results": [(-15, None, "Twelve families shared a story at the end-of-term party.")],
            },
        ],
        "quotes": [
            (
                "My daughter explains her maths to me now, in Dari and in English.",
                "A parent",
                True,
                "English",
            ),
            (
                "Being a tutor made me feel like someone people can count on.",
                "Teen tutor, 16",
                True,
                "English",
            ),
            # Said in Arabic, and shown in the words it was said in, in every language of the site.
            (
                "في البداية كان ابني يخجل من السؤال. اليوم يرفع يده في الصف، "
                "لأن أحداً شرح له الدرس بالعربية أولاً.",
                "A mother of two",
                True,
                "Arabic",
            ),
            (
                "I was worried about my son at first and did not want this written down.",
                "",
                False,
                "English",
            ),
        ],
        "findings": "Confidence grew steadily. Children came most on Tuesdays, when teen tutors who "
        "speak their language were there.",
        "what_changed": "We added a second Dari-speaking tutor and moved snacks to the start of the session.",
        "responses": [
            (
                "Children wanted more help in Dari, not only in English.",
                "A second Dari-speaking tutor joined on Tuesdays.",
                "done",
            ),
            ("Hungry children cannot concentrate.", "Snacks now come first, before homework.", "done"),
            (
                "Parents asked for a session on Saturdays.",
                "The library has no staff on Saturday afternoons yet; we are asking volunteers.",
                "under_way",
            ),
        ],
    },
    {
        "title": "Play and Learn in the Park: summer season",
        "slug": "play-and-learn-summer-season",
        "program": "play-and-learn-in-the-park",
        "summary": "How the first summer of outdoor stories went, in parents' own words.",
        "period": (-160, -40),
        "measures": [
            {
                "name": "Parents who felt welcome",
                "kind": "survey",
                "unit": "%",
                "baseline": None,
                "target": 80,
                "results": [(-100, 78, "Mid-season"), (-45, 91, "End of season")],
            },
            {
                "name": "Parents who learned something to try at home",
                "kind": "survey",
                "unit": "%",
                "target": 75,
                # Filled by the after-session survey below, as its answers come in.
                "results": [],
            },
            {
                "name": "Families attending (output statistic)",
                "kind": "output",
                "unit": "families",
                "results": [(-45, 64, "Recorded for the library's annual report")],
            },
        ],
        "quotes": [
            ("My son brings me books now and says 'park story!'", "Grace, parent", True, "English"),
            ("It was the first time I felt the library was for people like us.", "A father", True, "English"),
        ],
        "survey": {
            "title": "How was Play and Learn in the Park?",
            "introduction": "Eastgate Parents for Play and the library would like to know how today went.",
            "questions": [
                {"kind": "agreement", "text": "I felt welcome at Play and Learn."},
                {
                    "kind": "choice",
                    "text": "How did you hear about it?",
                    "options": "Another parent\nThe library\nA poster in the park",
                },
                {"kind": "text", "text": "What would make it better for your family?"},
                {
                    "kind": "learned",
                    "feeds": "Parents who learned something to try at home",
                    "feed_as": "share",
                },
                {"kind": "aware"},
            ],
            # One row per parent: welcome (1-5), heard from, in their words, learned (1-5), aware (1-5).
            "answers": [
                (5, "Another parent", "More songs, please.", 5, 4),
                (4, "The library", None, 4, 4),
                (5, "Another parent", None, 5, 5),
                (3, "A poster in the park", "A shady spot on hot days.", 3, 4),
                (5, "Another parent", None, 4, 3),
                (4, None, None, 4, 4),
                (5, "The library", "Stories in Tagalog too.", 5, 5),
                (4, "Another parent", None, 2, 3),
                (5, "Another parent", None, 4, 4),
                (2, "A poster in the park", "It was hard to find the group.", 3, 2),
                (5, "The library", None, 5, 4),
                (4, "Another parent", None, 4, None),
                (5, "Another parent", "Snacks for the little ones.", 5, 5),
                (4, "The library", None, 4, 4),
                (5, "Another parent", None, 3, 4),
                (4, "A poster in the park", None, 4, 3),
                (5, "Another parent", None, 5, 5),
                (3, "The library", None, 4, 4),
                (5, "Another parent", "More of it in the autumn.", 4, 4),
                (4, "Another parent", None, 5, 3),
                (5, "The library", None, 4, 5),
                (4, "Another parent", None, 4, 4),
                (5, "A poster in the park", None, 2, 3),
            ],
        },
        "findings": "Parents valued that other parents planned it. Rainy days were hard.",
        "what_changed": "Next summer, rainy-day sessions move into Eastgate Branch.",
    },
    {
        "title": "Partnership with the Harbour Street Seniors Circle: one year on",
        "slug": "harbour-street-seniors-one-year",
        "partnership": "harbour-street-seniors-circle",
        "program": "tech-help-for-seniors",
        "summary": "A year of working together: what older adults say has changed.",
        "period": (-365, -5),
        "measures": [
            {
                "name": "Members who make video calls on their own",
                "kind": "count",
                "unit": "members",
                "baseline": 3,
                "target": 20,
                "results": [(-300, 6, ""), (-180, 13, ""), (-30, 19, "")],
            },
        ],
        "quotes": [
            ("I saw my great-grandson's first steps on a video call.", "Member, 84", True, "English"),
        ],
        "findings": "One-to-one help worked better than classes. Members now help each other.",
        "what_changed": "The library now lends tablets with data plans to Circle members.",
    },
]

# A listening question with answers already moderated (clpages.listening), in the languages the
# conversations are held in. "status" is how a moderator left it; only answers with consent are
# ever shown.
LISTENING = {
    "program": "newcomer-family-priorities",
    "question": "What matters to you about the library's year ahead for newcomer families?",
    "answers": [
        {
            "text": "نريد مكاناً هادئاً يدرس فيه أطفالنا بعد المدرسة، مع أشخاص يتحدثون لغتنا.",
            "credit": "Layla, mother of three",
            "language": "Arabic",
            "consent": True,
            "status": "promoted",
        },
        {
            "text": "Help with forms for school and housing, on a weekday evening, when we are not at work.",
            "credit": "A father from Eastgate",
            "language": "English",
            "consent": True,
            "status": "promoted",
        },
        {
            "text": "Classes to practise English conversation with other parents, with childcare.",
            "credit": "",
            "language": "English",
            "consent": False,
            "status": "kept",
        },
        {
            "text": "Des livres en français pour les enfants, et des heures du conte le samedi.",
            "credit": "Aminata",
            "language": "French",
            "consent": True,
            "status": "new",
        },
    ],
}
