"""The demo in Modern Standard Arabic, as a library's translator would write it.

Keys are the English words exactly as the demo writes them; values keep any tags the English has.
Organisations keep their own (English) names, as they sign them.
"""

TEXTS = {
    # Who programs are for
    "Adults": "البالغون",
    "Children": "الأطفال",
    "Families": "العائلات",
    "Newcomers": "القادمون الجدد",
    "Older adults": "كبار السن",
    "Teens": "المراهقون",
    # Languages (each also keeps its own name: Français, دری, Español…)
    "American Sign Language": "لغة الإشارة الأمريكية",
    "Arabic": "العربية",
    "Dari": "الدارية",
    "English": "الإنجليزية",
    "French": "الفرنسية",
    "Spanish": "الإسبانية",
    "Tagalog": "التاغالوغية",
    # Places (the street address stays as it is on the door)
    "Central Library": "المكتبة المركزية",
    (
        "Step-free entrance on Market Square. Lift to all floors. Accessible washrooms on every floor. "
        "Quiet room on the second floor."
    ): (
        "مدخل بلا درجات من جهة ساحة ماركت. مصعد إلى جميع الطوابق. دورات مياه مهيّأة لذوي الإعاقة في كل "
        "طابق. غرفة هادئة في الطابق الثاني."
    ),
    "Eastgate Branch": "فرع إيستغيت",
    (
        "Three steps at the main door; a portable ramp is available, ring the bell. The children's area is"
        " on the ground floor."
    ): ("ثلاث درجات عند الباب الرئيسي؛ يتوفر منحدر متنقل، فيُرجى قرع الجرس. ركن الأطفال في الطابق الأرضي."),
    "Harbour Street Seniors' Centre": "مركز كبار السن في شارع هاربر",
    "Hearing loop in the main hall. Accessible washroom.": (
        "حلقة سمعية في القاعة الرئيسية. دورة مياه مهيّأة لذوي الإعاقة."
    ),
    "Maple Ridge Community Centre": "مركز ميبل ريدج المجتمعي",
    "Ground-floor meeting room. Free parking.": "قاعة اجتماعات في الطابق الأرضي. موقف سيارات مجاني.",
    "Northside Branch": "فرع نورث سايد",
    "Ramp at the side entrance. Bus 7 stops outside.": (
        "منحدر عند المدخل الجانبي. تتوقف الحافلة رقم 7 أمام المبنى."
    ),
    # Partners: who they are, and who they serve (their names are their own)
    "Parents and carers in Eastgate who organise free outdoor play for young children.": (
        "آباء وأمهات ومقدّمو رعاية في إيستغيت ينظّمون أنشطة لعب مجانية في الهواء الطلق للأطفال الصغار."
    ),
    "Families with children under six in Eastgate.": "العائلات التي لديها أطفال دون السادسة في إيستغيت.",
    (
        "Older adults who meet weekly at the Harbour Street Seniors' Centre to learn, share meals and look"
        " out for each other."
    ): (
        "كبار سن يلتقون كل أسبوع في مركز كبار السن في شارع هاربر ليتعلّموا، ويتقاسموا الطعام، ويطمئنّ "
        "بعضهم على بعض."
    ),
    "Older adults living alone in the harbour area.": "كبار السن الذين يعيشون وحدهم في منطقة الميناء.",
    "Tenants of the Maple Ridge apartment towers working together for safe, affordable homes.": (
        "مستأجرو أبراج ميبل ريدج السكنية، يعملون معاً من أجل مساكن آمنة بأسعار في المتناول."
    ),
    "About 900 households in the Maple Ridge towers.": "نحو 900 أسرة في أبراج ميبل ريدج.",
    (
        "Young people aged 13 to 19 from the Northside who run their own projects, from murals to a "
        "community radio show."
    ): (
        "شباب وشابات بين 13 و19 عاماً من حي نورث سايد، يديرون مشاريعهم بأنفسهم، من الرسوم الجدارية إلى "
        "برنامج إذاعي مجتمعي."
    ),
    "Teens in the Northside neighbourhood.": "المراهقون في حي نورث سايد.",
    (
        "A home for Deaf and hard of hearing people in the region, offering social events, advocacy and "
        "ASL classes."
    ): (
        "بيت للصمّ وضعاف السمع في المنطقة، يقدّم لقاءات اجتماعية ودفاعاً عن حقوقهم ودروساً في لغة الإشارة "
        "الأمريكية."
    ),
    "Deaf, DeafBlind and hard of hearing people and their families.": (
        "الصمّ، والصمّ المكفوفون، وضعاف السمع، وعائلاتهم."
    ),
    "A community food organisation running a food bank, community gardens and cooking classes.": (
        "منظمة مجتمعية تُعنى بالغذاء، تدير بنكاً للطعام وحدائق مجتمعية ودروساً في الطبخ."
    ),
    "Anyone facing food insecurity in Riverbend.": "كل من يعاني من انعدام الأمن الغذائي في ريفربند.",
    (
        "A network of newcomer families and volunteers who help each other settle in Riverbend: housing, "
        "school, work and friendship."
    ): (
        "شبكة من العائلات القادمة حديثاً ومن المتطوعين، يساعد بعضهم بعضاً على الاستقرار في ريفربند: في "
        "السكن والمدرسة والعمل والصداقة."
    ),
    "Refugee and immigrant families, especially those who arrived in the last five years.": (
        "العائلات اللاجئة والمهاجرة، ولا سيما التي وصلت خلال السنوات الخمس الأخيرة."
    ),
    # Home page
    "Welcome to Riverbend Public Library": "أهلاً بكم في مكتبة ريفربند العامة",
    "Books, spaces and programs for everyone in Riverbend, many of them planned with the community.": (
        "كتب وأماكن وبرامج للجميع في ريفربند، نخطّط كثيراً منها مع المجتمع."
    ),
    # Community hub
    "Community-led planning": "تخطيط يقوده المجتمع",
    (
        "At Riverbend Public Library, community members and local organisations plan, lead and evaluate "
        "programs with us. Here you can see what we are working on together, who is leading it, and how it"
        " is going."
    ): (
        "في مكتبة ريفربند العامة، يخطّط أبناء المجتمع والمنظمات المحلية للبرامج معنا، ويقودونها "
        "ويقيّمونها. هنا تجدون ما نعمل عليه معاً، ومن يقوده، وكيف يسير."
    ),
    (
        "We share decisions with the people our services are for. Community members and partner "
        "organisations have real responsibility and a real say; library staff bring people together and "
        "offer the library's resources."
    ): (
        "نتّخذ القرارات مع الناس الذين وُجدت خدماتنا من أجلهم. لأبناء المجتمع والمنظمات الشريكة مسؤولية "
        "حقيقية وكلمة مسموعة؛ أما موظفو المكتبة فيجمعون الناس ويضعون موارد المكتبة في خدمتهم."
    ),
    (
        "We agree what success looks like with the community <b>before</b> a program starts, and we report"
        " back on it in public."
    ): ("نتفق مع المجتمع على معنى النجاح <b>قبل</b> أن يبدأ البرنامج، ثم نطلع الجميع علناً على ما تحقّق."),
    # Indexes
    "Programs": "البرامج",
    "Programs and services planned and led with our community.": "برامج وخدمات نخطّط لها ونقودها مع مجتمعنا.",
    "Partnerships": "الشراكات",
    "The organisations and groups we work with, and how.": (
        "المنظمات والمجموعات التي نعمل معها، وكيف نعمل معاً."
    ),
    "Results and learning": "النتائج والدروس المستفادة",
    "How our programs are going, measured the way the community asked.": (
        "كيف تسير برامجنا، وفق المقاييس التي طلبها المجتمع."
    ),
    # Program: newcomer family priorities
    "Newcomer family priorities conversations": "حوارات حول أولويات العائلات القادمة حديثاً",
    "Newcomer families name their priorities for the coming year, in their own languages, over tea.": (
        "تحدّد العائلات القادمة حديثاً أولوياتها للعام المقبل، بلغاتها، على فنجان شاي."
    ),
    "Conversations are hosted by Network volunteers in Arabic, Dari and French. Childcare is provided.": (
        "يدير الحوارات متطوعون من الشبكة باللغات العربية والدارية والفرنسية. تتوفر رعاية للأطفال."
    ),
    "A shared list of priorities that newcomer families choose themselves.": (
        "قائمة مشتركة بالأولويات تختارها العائلات القادمة حديثاً بنفسها."
    ),
    "Families recognise their own words in the priorities we publish.": (
        "أن تجد العائلات كلماتها هي في الأولويات التي ننشرها."
    ),
    # Program: tenant rights information nights
    "Tenant rights information nights": "أمسيات تعريفية بحقوق المستأجرين",
    (
        "Tenants plan a series of information nights about their rights, with help from the library's "
        "legal information collection."
    ): (
        "يخطّط المستأجرون لسلسلة من الأمسيات التعريفية بحقوقهم، بمساعدة مجموعة المعلومات القانونية في المكتبة."
    ),
    (
        "The tenants' action group chooses the topics and speakers; the library provides the room, the "
        "books and a librarian to help find answers."
    ): (
        "تختار مجموعة العمل التي شكّلها المستأجرون المواضيع والمتحدثين؛ وتوفّر المكتبة القاعة والكتب، "
        "وأمين مكتبة يساعد في الوصول إلى الأجوبة."
    ),
    "Tenants know their rights and where to get help.": "أن يعرف المستأجرون حقوقهم، وأين يجدون المساعدة.",
    "Fewer tenants face an eviction hearing without advice.": (
        "أن يقلّ عدد المستأجرين الذين يمثلون في جلسة إخلاء من دون أن يحصلوا على مشورة."
    ),
    "Arabic and Spanish interpreters at every session": "مترجمون فوريون للعربية والإسبانية في كل جلسة",
    # Program: Homework Help Club
    "Homework Help Club": "نادي المساعدة في الواجبات المدرسية",
    (
        "Teens from the Northside Youth Collective help younger newcomer children with homework, in their "
        "languages."
    ): (
        "مراهقون من Northside Youth Collective يساعدون أطفالاً أصغر منهم من العائلات القادمة حديثاً في "
        "واجباتهم المدرسية، بلغاتهم."
    ),
    (
        "Designed by newcomer parents and Northside teens together. Drop in after school; snacks are "
        "provided by Riverbend Food Share."
    ): (
        "صمّمه معاً أهالٍ قدموا حديثاً ومراهقون من نورث سايد. تعالوا بعد المدرسة من دون موعد؛ وتقدّم "
        "Riverbend Food Share وجبات خفيفة."
    ),
    "Newcomer children keep up at school and feel they belong.": (
        "أن يواكب الأطفال القادمون حديثاً دروسهم، وأن يشعروا بالانتماء."
    ),
    (
        "Children finish their homework with confidence, and feel they belong at school and at the "
        "library. Teen tutors grow as leaders."
    ): (
        "أن ينهي الأطفال واجباتهم بثقة، وأن يشعروا بأنهم جزء من المدرسة والمكتبة. وأن تنمو روح القيادة لدى"
        " المرشدين المراهقين."
    ),
    "Newcomer parents and Northside teen tutors, at the planning meeting": (
        "أهالٍ قدموا حديثاً ومرشدون مراهقون من نورث سايد، في اجتماع التخطيط"
    ),
    "A quiet room next door is kept for children who need a break.": (
        "غرفة هادئة في الجوار مخصّصة للأطفال الذين يحتاجون إلى استراحة."
    ),
    # Partnership with the Riverbend Newcomers Network
    "Working with the Riverbend Newcomers Network": "العمل مع Riverbend Newcomers Network",
    "Newcomer families and the library plan services together, in families' own languages.": (
        "العائلات القادمة حديثاً والمكتبة تخطّطان للخدمات معاً، بلغات العائلات نفسها."
    ),
    "Library staff volunteer at the Network's Saturday welcome table.": (
        "يتطوع موظفو المكتبة في طاولة الترحيب التي تقيمها الشبكة أيام السبت."
    ),
    "We learned which services families already use and trust.": (
        "عرفنا الخدمات التي تستخدمها العائلات وتثق بها من قبل."
    ),
    "Priorities conversations in Arabic, Dari and French.": (
        "حوارات حول الأولويات بالعربية والدارية والفرنسية."
    ),
    "Shared goal: children's success at school.": "هدف مشترك: نجاح الأطفال في المدرسة.",
    "The library shares rooms, devices and staff time; the Network shares its volunteers and trust.": (
        "تقدّم المكتبة قاعاتها وأجهزتها ووقت موظفيها؛ وتقدّم الشبكة متطوعيها والثقة التي تحظى بها."
    ),
    "Homework Help Club and Conversation Café, designed together.": (
        "نادي المساعدة في الواجبات المدرسية ومقهى المحادثة، صمّمناهما معاً."
    ),
    "Newcomer families with school-age children.": "العائلات القادمة حديثاً التي لديها أطفال في سن المدرسة.",
    "Joining the Network's welcome table and family events.": (
        "بالمشاركة في طاولة الترحيب التي تقيمها الشبكة وفي فعالياتها العائلية."
    ),
    "Their children do well at school and make friends.": "أن ينجح أطفالهم في المدرسة ويكوّنوا صداقات.",
    "Host conversations and recruit volunteer tutors.": "استضافة الحوارات، واستقطاب مرشدين متطوعين.",
    "Providing space after school, books in home languages and help with school technology.": (
        "بتوفير مكان بعد المدرسة، وكتب بلغات البيت، ومساعدة في استخدام التقنيات المدرسية."
    ),
    "Children finish homework with confidence; parents feel at home in the library.": (
        "ينهي الأطفال واجباتهم بثقة؛ ويشعر الأهل بأنهم في بيتهم في المكتبة."
    ),
    "WhatsApp groups run by the Network, and monthly meetings.": (
        "مجموعات واتساب تديرها الشبكة، واجتماع كل شهر."
    ),
    "Recruit four more teen tutors who speak Dari": "استقطاب أربعة مرشدين مراهقين آخرين يتحدثون الدارية",
    "Order picture books in Arabic and Dari": "طلب كتب مصوّرة بالعربية والدارية",
    "Central Library collections team": "فريق المجموعات في المكتبة المركزية",
    "Agree the evaluation questions with parents": "الاتفاق مع الأهل على أسئلة التقييم",
    "Network volunteers and library staff": "متطوعو الشبكة وموظفو المكتبة",
    # Results: Homework Help Club, first term
    "Homework Help Club: first term results": "نادي المساعدة في الواجبات المدرسية: نتائج الفصل الأول",
    "What newcomer families and teen tutors told us after the first term.": (
        "ما قالته لنا العائلات القادمة حديثاً والمرشدون المراهقون بعد الفصل الأول."
    ),
    (
        "Confidence grew steadily. Children came most on Tuesdays, when teen tutors who speak their "
        "language were there."
    ): (
        "نمت ثقة الأطفال بثبات. وكانوا يأتون أكثر ما يأتون أيام الثلاثاء، حين يحضر مرشدون مراهقون يتحدثون "
        "لغتهم."
    ),
    "We added a second Dari-speaking tutor and moved snacks to the start of the session.": (
        "أضفنا مرشداً ثانياً يتحدث الدارية، وصرنا نقدّم الوجبات الخفيفة في بداية الجلسة."
    ),
    "Children who say they finish homework with confidence": "الأطفال الذين يقولون إنهم ينهون واجباتهم بثقة",
    "Children attending at least twice a month": "الأطفال الذين يحضرون مرتين في الشهر على الأقل",
    "children": "طفلاً",
    "Stories from families": "قصص من العائلات",
    "stories": "قصص",
    "My daughter explains her maths to me now, in Dari and in English.": (
        "صارت ابنتي هي التي تشرح لي دروس الرياضيات، بالدارية وبالإنجليزية."
    ),
    "A parent": "أحد الوالدين",
    "Being a tutor made me feel like someone people can count on.": (
        "حين صرت مرشداً، شعرت أنني شخص يمكن للناس أن يعتمدوا عليه."
    ),
    "Teen tutor, 16": "مرشد مراهق، 16 عاماً",
    "A mother of two": "أمّ لطفلين",
    "I was worried about my son at first and did not want this written down.": (
        "في البداية كان القلق يساورني على ابني، ولم أرغب في أن يُدوَّن هذا."
    ),
    "Children wanted more help in Dari, not only in English.": (
        "أراد الأطفال مساعدة أكثر بالدارية، لا بالإنجليزية وحدها."
    ),
    "A second Dari-speaking tutor joined on Tuesdays.": "انضم إلينا أيام الثلاثاء مرشد ثانٍ يتحدث الدارية.",
    "Hungry children cannot concentrate.": "الطفل الجائع لا يستطيع التركيز.",
    "Snacks now come first, before homework.": "صارت الوجبات الخفيفة أولاً، قبل الواجبات.",
    "Parents asked for a session on Saturdays.": "طلب بعض الأهل جلسة أيام السبت.",
    "The library has no staff on Saturday afternoons yet; we are asking volunteers.": (
        "ليس في المكتبة موظفون بعد ظهر السبت حتى الآن؛ ونحن نبحث عن متطوعين."
    ),
    # The action group planning the tenant rights information nights
    "Action groups": "مجموعات العمل",
    "Community groups that plan programs with the library, and what they decided.": (
        "مجموعات من المجتمع تخطط البرامج مع المكتبة، وما قررته."
    ),
    "Maple Ridge tenants' action group": "مجموعة عمل مستأجري مابل ريدج",
    (
        "Tenants of the Maple Ridge towers who plan the tenant rights information nights with the library."
    ): "مستأجرون من أبراج مابل ريدج يخططون مع المكتبة أمسيات التعريف بحقوق المستأجرين.",
    (
        "We choose the topics and speakers of the tenant rights information nights, decide which "
        "languages each night is interpreted into, and tell our neighbours about them."
    ): (
        "نختار مواضيع أمسيات التعريف بحقوق المستأجرين ومتحدثيها، ونقرر اللغات التي تُترجم إليها كل "
        "أمسية، ونخبر جيراننا عنها."
    ),
    "Choosing the topics of the first nights": "اختيار مواضيع الأمسيات الأولى",
    "Planning the night on repairs and rent increases": "التخطيط لأمسية الإصلاحات وزيادات الإيجار",
    "The first night is about repairs; the second about rent increases.": (
        "الأمسية الأولى عن الإصلاحات؛ والثانية عن زيادات الإيجار."
    ),
    "The action group's meeting": "اجتماع مجموعة العمل",
    "Most tenants who answered our door-to-door survey named repairs first.": (
        "ذكر معظم المستأجرين الذين أجابوا عن استطلاعنا من باب إلى باب الإصلاحات أولاً."
    ),
    "Every night is interpreted into Arabic and Spanish.": "تُترجم كل أمسية إلى العربية والإسبانية.",
    "The action group, with the library": "مجموعة العمل، مع المكتبة",
}
