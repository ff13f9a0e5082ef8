"""The demo in French, as a library's translator would write it for Riverbend (Ontario).

Keys are the English words exactly as the demo writes them; values keep any tags the English has.
"""

TEXTS = {
    # Who programs are for
    "Adults": "Adultes",
    "Children": "Enfants",
    "Families": "Familles",
    "Newcomers": "Nouveaux arrivants",
    "Older adults": "Aînés",
    "Teens": "Adolescents",
    # Languages (each also keeps its own name: العربية, دری, Español…)
    "American Sign Language": "Langue des signes américaine",
    "Arabic": "Arabe",
    "Dari": "Dari",
    "English": "Anglais",
    "French": "Français",
    "Spanish": "Espagnol",
    "Tagalog": "Tagalog",
    # Places (the street address stays as it is on the door)
    "Central Library": "Bibliothèque centrale",
    (
        "Step-free entrance on Market Square. Lift to all floors. Accessible washrooms on every floor. "
        "Quiet room on the second floor."
    ): (
        "Entrée sans marches du côté de Market Square. Ascenseur pour tous les étages. Toilettes "
        "accessibles à chaque étage. Salle calme au deuxième étage."
    ),
    "Eastgate Branch": "Succursale Eastgate",
    (
        "Three steps at the main door; a portable ramp is available, ring the bell. The children's area is"
        " on the ground floor."
    ): (
        "Trois marches à la porte principale; une rampe mobile est disponible, il suffit de sonner. "
        "L'espace des enfants est au rez-de-chaussée."
    ),
    "Harbour Street Seniors' Centre": "Centre des aînés de la rue Harbour",
    "Hearing loop in the main hall. Accessible washroom.": (
        "Boucle magnétique dans la grande salle. Toilettes accessibles."
    ),
    "Maple Ridge Community Centre": "Centre communautaire de Maple Ridge",
    "Ground-floor meeting room. Free parking.": "Salle de réunion au rez-de-chaussée. Stationnement gratuit.",
    "Northside Branch": "Succursale Northside",
    "Ramp at the side entrance. Bus 7 stops outside.": (
        "Rampe à l'entrée latérale. L'autobus 7 s'arrête devant la porte."
    ),
    # Partners: who they are, and who they serve (their names are their own)
    "Parents and carers in Eastgate who organise free outdoor play for young children.": (
        "Des parents et d'autres adultes qui s'occupent d'enfants à Eastgate, et qui organisent des jeux "
        "gratuits en plein air pour les tout-petits."
    ),
    "Families with children under six in Eastgate.": (
        "Les familles d'Eastgate qui ont des enfants de moins de six ans."
    ),
    (
        "Older adults who meet weekly at the Harbour Street Seniors' Centre to learn, share meals and look"
        " out for each other."
    ): (
        "Des aînés qui se retrouvent chaque semaine au Centre des aînés de la rue Harbour pour apprendre, "
        "partager un repas et veiller les uns sur les autres."
    ),
    "Older adults living alone in the harbour area.": "Les aînés qui vivent seuls dans le quartier du port.",
    "Tenants of the Maple Ridge apartment towers working together for safe, affordable homes.": (
        "Des locataires des tours d'habitation de Maple Ridge qui s'unissent pour des logements sûrs et "
        "abordables."
    ),
    "About 900 households in the Maple Ridge towers.": "Environ 900 ménages des tours de Maple Ridge.",
    (
        "Young people aged 13 to 19 from the Northside who run their own projects, from murals to a "
        "community radio show."
    ): (
        "Des jeunes de 13 à 19 ans du quartier Northside qui mènent leurs propres projets, des murales à "
        "une émission de radio communautaire."
    ),
    "Teens in the Northside neighbourhood.": "Les adolescents du quartier Northside.",
    (
        "A home for Deaf and hard of hearing people in the region, offering social events, advocacy and "
        "ASL classes."
    ): (
        "Un lieu à soi pour les personnes sourdes et malentendantes de la région, avec des activités "
        "sociales, de la défense des droits et des cours d'ASL."
    ),
    "Deaf, DeafBlind and hard of hearing people and their families.": (
        "Les personnes sourdes, sourdes-aveugles et malentendantes, et leurs familles."
    ),
    "A community food organisation running a food bank, community gardens and cooking classes.": (
        "Un organisme communautaire en alimentation qui gère une banque alimentaire, des jardins "
        "communautaires et des cours de cuisine."
    ),
    "Anyone facing food insecurity in Riverbend.": (
        "Toute personne de Riverbend qui vit de l'insécurité alimentaire."
    ),
    (
        "A network of newcomer families and volunteers who help each other settle in Riverbend: housing, "
        "school, work and friendship."
    ): (
        "Un réseau de familles nouvellement arrivées et de bénévoles qui s'entraident pour s'installer à "
        "Riverbend : logement, école, travail et amitié."
    ),
    "Refugee and immigrant families, especially those who arrived in the last five years.": (
        "Les familles réfugiées et immigrantes, surtout celles qui sont arrivées depuis moins de cinq ans."
    ),
    # Home page
    "Welcome to Riverbend Public Library": "Bienvenue à la Bibliothèque publique de Riverbend",
    "Books, spaces and programs for everyone in Riverbend, many of them planned with the community.": (
        "Des livres, des espaces et des programmes pour tout le monde à Riverbend, dont bon nombre sont "
        "planifiés avec la communauté."
    ),
    # Community hub
    "Community-led planning": "Planifier avec la communauté",
    (
        "At Riverbend Public Library, community members and local organisations plan, lead and evaluate "
        "programs with us. Here you can see what we are working on together, who is leading it, and how it"
        " is going."
    ): (
        "À la Bibliothèque publique de Riverbend, des membres de la communauté et des organismes locaux "
        "planifient, animent et évaluent des programmes avec nous. Vous trouverez ici ce que nous faisons "
        "ensemble, qui le mène, et où nous en sommes."
    ),
    (
        "We share decisions with the people our services are for. Community members and partner "
        "organisations have real responsibility and a real say; library staff bring people together and "
        "offer the library's resources."
    ): (
        "Nous prenons les décisions avec les personnes à qui nos services sont destinés. Les membres de la"
        " communauté et les organismes partenaires ont de vraies responsabilités et leur mot à dire; le "
        "personnel de la bibliothèque rassemble les gens et met à leur disposition les ressources de la "
        "bibliothèque."
    ),
    (
        "We agree what success looks like with the community <b>before</b> a program starts, and we report"
        " back on it in public."
    ): (
        "Nous convenons avec la communauté de ce que sera une réussite <b>avant</b> le début d'un "
        "programme, et nous en rendons compte publiquement."
    ),
    # Indexes
    "Programs": "Programmes",
    "Programs and services planned and led with our community.": (
        "Des programmes et des services planifiés et animés avec notre communauté."
    ),
    "Partnerships": "Partenariats",
    "The organisations and groups we work with, and how.": (
        "Les organismes et les groupes avec qui nous travaillons, et comment nous travaillons ensemble."
    ),
    "Results and learning": "Résultats et apprentissages",
    "How our programs are going, measured the way the community asked.": (
        "Où en sont nos programmes, mesurés comme la communauté l'a demandé."
    ),
    # Program: newcomer family priorities
    "Newcomer family priorities conversations": (
        "Conversations sur les priorités des familles nouvellement arrivées"
    ),
    "Newcomer families name their priorities for the coming year, in their own languages, over tea.": (
        "Les familles nouvellement arrivées nomment leurs priorités pour l'année qui vient, dans leurs "
        "langues, autour d'un thé."
    ),
    "Conversations are hosted by Network volunteers in Arabic, Dari and French. Childcare is provided.": (
        "Les conversations sont animées en arabe, en dari et en français par des bénévoles du Réseau. Un "
        "service de garde est offert pour les enfants."
    ),
    "A shared list of priorities that newcomer families choose themselves.": (
        "Une liste commune de priorités, choisies par les familles nouvellement arrivées elles-mêmes."
    ),
    "Families recognise their own words in the priorities we publish.": (
        "Les familles reconnaissent leurs propres mots dans les priorités que nous publions."
    ),
    # Program: tenant rights information nights
    "Tenant rights information nights": "Soirées d'information sur les droits des locataires",
    (
        "Tenants plan a series of information nights about their rights, with help from the library's "
        "legal information collection."
    ): (
        "Des locataires planifient une série de soirées d'information sur leurs droits, avec l'aide de la "
        "collection d'information juridique de la bibliothèque."
    ),
    (
        "The tenants' action group chooses the topics and speakers; the library provides the room, the "
        "books and a librarian to help find answers."
    ): (
        "Le groupe d'action des locataires choisit les sujets et les personnes invitées; la bibliothèque "
        "fournit la salle, les livres, et un ou une bibliothécaire pour aider à trouver des réponses."
    ),
    "Tenants know their rights and where to get help.": (
        "Les locataires connaissent leurs droits et savent où trouver de l'aide."
    ),
    "Fewer tenants face an eviction hearing without advice.": (
        "Moins de locataires se retrouvent devant une audience d'expulsion sans avoir reçu de conseils."
    ),
    "Arabic and Spanish interpreters at every session": "Interprètes en arabe et en espagnol à chaque séance",
    # Program: Homework Help Club
    "Homework Help Club": "Club d'aide aux devoirs",
    (
        "Teens from the Northside Youth Collective help younger newcomer children with homework, in their "
        "languages."
    ): (
        "Des ados du Northside Youth Collective aident des enfants plus jeunes, nouvellement arrivés, à "
        "faire leurs devoirs, dans leurs langues."
    ),
    (
        "Designed by newcomer parents and Northside teens together. Drop in after school; snacks are "
        "provided by Riverbend Food Share."
    ): (
        "Conçu ensemble par des parents nouvellement arrivés et des ados du Northside. Passez après "
        "l'école, sans rendez-vous; les collations sont offertes par Riverbend Food Share."
    ),
    "Newcomer children keep up at school and feel they belong.": (
        "Les enfants nouvellement arrivés suivent bien à l'école et sentent qu'ils y ont leur place."
    ),
    (
        "Children finish their homework with confidence, and feel they belong at school and at the "
        "library. Teen tutors grow as leaders."
    ): (
        "Les enfants finissent leurs devoirs avec assurance, et sentent qu'ils ont leur place à l'école et"
        " à la bibliothèque. Les ados qui font du tutorat prennent confiance en leurs qualités de leaders."
    ),
    "Newcomer parents and Northside teen tutors, at the planning meeting": (
        "Des parents nouvellement arrivés et des ados tuteurs du Northside, à la réunion de planification"
    ),
    "A quiet room next door is kept for children who need a break.": (
        "Une salle calme, juste à côté, est réservée aux enfants qui ont besoin d'une pause."
    ),
    # Partnership with the Riverbend Newcomers Network
    "Working with the Riverbend Newcomers Network": "Travailler avec le Riverbend Newcomers Network",
    "Newcomer families and the library plan services together, in families' own languages.": (
        "Les familles nouvellement arrivées et la bibliothèque planifient les services ensemble, dans les "
        "langues des familles."
    ),
    "Library staff volunteer at the Network's Saturday welcome table.": (
        "Des membres du personnel de la bibliothèque sont bénévoles à la table d'accueil que le Réseau "
        "tient le samedi."
    ),
    "We learned which services families already use and trust.": (
        "Nous avons appris quels services les familles utilisent déjà, et lesquels leur inspirent confiance."
    ),
    "Priorities conversations in Arabic, Dari and French.": (
        "Des conversations sur les priorités, en arabe, en dari et en français."
    ),
    "Shared goal: children's success at school.": "Objectif commun : la réussite des enfants à l'école.",
    "The library shares rooms, devices and staff time; the Network shares its volunteers and trust.": (
        "La bibliothèque partage ses salles, ses appareils et le temps de son personnel; le Réseau partage"
        " ses bénévoles et la confiance qu'on lui accorde."
    ),
    "Homework Help Club and Conversation Café, designed together.": (
        "Le Club d'aide aux devoirs et le Café-conversation, conçus ensemble."
    ),
    "Newcomer families with school-age children.": (
        "Les familles nouvellement arrivées qui ont des enfants d'âge scolaire."
    ),
    "Joining the Network's welcome table and family events.": (
        "En participant à la table d'accueil et aux activités familiales du Réseau."
    ),
    "Their children do well at school and make friends.": (
        "Que leurs enfants réussissent à l'école et se fassent des amis."
    ),
    "Host conversations and recruit volunteer tutors.": (
        "Animer des conversations et recruter des bénévoles pour le tutorat."
    ),
    "Providing space after school, books in home languages and help with school technology.": (
        "En offrant un espace après l'école, des livres dans les langues parlées à la maison et de l'aide "
        "avec les outils numériques de l'école."
    ),
    "Children finish homework with confidence; parents feel at home in the library.": (
        "Les enfants finissent leurs devoirs avec assurance; les parents se sentent chez eux à la "
        "bibliothèque."
    ),
    "WhatsApp groups run by the Network, and monthly meetings.": (
        "Des groupes WhatsApp gérés par le Réseau, et une réunion chaque mois."
    ),
    "Recruit four more teen tutors who speak Dari": "Recruter quatre autres ados tuteurs qui parlent dari",
    "Order picture books in Arabic and Dari": "Commander des albums illustrés en arabe et en dari",
    "Central Library collections team": "Équipe des collections de la Bibliothèque centrale",
    "Agree the evaluation questions with parents": "Choisir les questions de l'évaluation avec les parents",
    "Network volunteers and library staff": "Les bénévoles du Réseau et le personnel de la bibliothèque",
    # Results: Homework Help Club, first term
    "Homework Help Club: first term results": "Club d'aide aux devoirs : les résultats du premier trimestre",
    "What newcomer families and teen tutors told us after the first term.": (
        "Ce que les familles nouvellement arrivées et les ados tuteurs nous ont dit après le premier "
        "trimestre."
    ),
    (
        "Confidence grew steadily. Children came most on Tuesdays, when teen tutors who speak their "
        "language were there."
    ): (
        "L'assurance des enfants a grandi de semaine en semaine. Ils venaient surtout le mardi, quand des "
        "ados tuteurs qui parlent leur langue étaient là."
    ),
    "We added a second Dari-speaking tutor and moved snacks to the start of the session.": (
        "Nous avons ajouté un deuxième tuteur qui parle dari, et la collation est maintenant servie au "
        "début de la séance."
    ),
    "Children who say they finish homework with confidence": (
        "Enfants qui disent finir leurs devoirs avec assurance"
    ),
    "Children attending at least twice a month": "Enfants qui viennent au moins deux fois par mois",
    "children": "enfants",
    "Stories from families": "Récits des familles",
    "stories": "récits",
    "My daughter explains her maths to me now, in Dari and in English.": (
        "Maintenant, c'est ma fille qui m'explique ses maths, en dari et en anglais."
    ),
    "A parent": "Un parent",
    "Being a tutor made me feel like someone people can count on.": (
        "Être tuteur m'a fait sentir que je suis quelqu'un sur qui on peut compter."
    ),
    "Teen tutor, 16": "Tuteur, 16 ans",
    "A mother of two": "Une mère de deux enfants",
    "I was worried about my son at first and did not want this written down.": (
        "Au début, je m'inquiétais pour mon fils et je ne voulais pas que ce soit écrit."
    ),
    "Children wanted more help in Dari, not only in English.": (
        "Les enfants voulaient plus d'aide en dari, pas seulement en anglais."
    ),
    "A second Dari-speaking tutor joined on Tuesdays.": (
        "Un deuxième tuteur qui parle dari s'est joint à nous le mardi."
    ),
    "Hungry children cannot concentrate.": "Un enfant qui a faim n'arrive pas à se concentrer.",
    "Snacks now come first, before homework.": "La collation passe maintenant en premier, avant les devoirs.",
    "Parents asked for a session on Saturdays.": "Des parents ont demandé une séance le samedi.",
    "The library has no staff on Saturday afternoons yet; we are asking volunteers.": (
        "La bibliothèque n'a pas encore de personnel le samedi après-midi; nous cherchons des bénévoles."
    ),
    # The action group planning the tenant rights information nights
    "Action groups": "Groupes d'action",
    "Community groups that plan programs with the library, and what they decided.": (
        "Les groupes de la communauté qui planifient des programmes avec la bibliothèque, et ce "
        "qu'ils ont décidé."
    ),
    "Maple Ridge tenants' action group": "Groupe d'action des locataires de Maple Ridge",
    ("Tenants of the Maple Ridge towers who plan the tenant rights information nights with the library."): (
        "Des locataires des tours de Maple Ridge qui planifient avec la bibliothèque les soirées "
        "d'information sur les droits des locataires."
    ),
    (
        "We choose the topics and speakers of the tenant rights information nights, decide which "
        "languages each night is interpreted into, and tell our neighbours about them."
    ): (
        "Nous choisissons les sujets et les intervenants des soirées d'information sur les droits des "
        "locataires, nous décidons dans quelles langues chaque soirée est interprétée, et nous en "
        "parlons à nos voisins."
    ),
    "Choosing the topics of the first nights": "Choisir les sujets des premières soirées",
    "Planning the night on repairs and rent increases": (
        "Préparer la soirée sur les réparations et les hausses de loyer"
    ),
    "The first night is about repairs; the second about rent increases.": (
        "La première soirée porte sur les réparations\u00a0; la deuxième sur les hausses de loyer."
    ),
    "The action group's meeting": "La réunion du groupe d'action",
    "Most tenants who answered our door-to-door survey named repairs first.": (
        "La plupart des locataires qui ont répondu à notre enquête de porte en porte ont d'abord parlé "
        "des réparations."
    ),
    "Every night is interpreted into Arabic and Spanish.": (
        "Chaque soirée est interprétée en arabe et en espagnol."
    ),
    "The action group, with the library": "Le groupe d'action, avec la bibliothèque",
}
