"""The closed word lists the actor stage reasons with (all lower case)."""

from __future__ import annotations

#: CAMEO/PLOVER sector codes: the part of a Phoenix code after the country that
#: says which part of a society an actor belongs to (religions are left out).
SECTORS = frozenset(
    {"AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH"}
    | {"HRI", "IGO", "INS", "JRN", "JUD", "LAB", "LEG", "MED", "MIL", "NGO", "OPP"}
    | {"PPL", "PTY", "RAD", "REB", "REF", "SEP", "SOC", "SPY", "UAF"}
)

#: How a group made of a state and a sector is named: "Israel military".
SECTOR_NAMES = {
    "AGR": "farmers",
    "BUS": "business",
    "COP": "police",
    "CRM": "criminals",
    "CVL": "civilians",
    "EDU": "education",
    "ELI": "elites",
    "GOV": "government",
    "HLH": "health sector",
    "JUD": "judiciary",
    "LAB": "labour",
    "LEG": "legislature",
    "MED": "media",
    "MIL": "military",
    "OPP": "opposition",
    "PPL": "people",
    "PTY": "party",
    "REB": "rebels",
    "REF": "refugees",
    "SPY": "intelligence",
    "UAF": "armed groups",
}

#: Words that stand before a name as a title and are not part of it.
TITLE_WORDS = frozenset(
    {"acting", "adm", "admiral", "ambassador", "archbishop", "ayatollah", "bishop"}
    | {"brig", "brigadier"}
    | {"capt", "captain", "cardinal", "chair", "chairman", "chairperson", "chairwoman"}
    | {"chancellor", "chief"}
    | {"col", "colonel", "commander", "congressman", "congresswoman", "crown", "dame"}
    | {"defence"}
    | {"defense", "deputy", "dr", "emir", "envoy", "ex", "finance", "foreign", "former"}
    | {"gen", "general", "gov", "governor", "imam", "interim", "interior", "judge"}
    | {"justice", "king", "lady", "late", "leader", "lieutenant", "lord", "lt", "maj"}
    | {"major", "marshal", "maulana", "mawlawi", "mayor", "minister", "miss", "mr"}
    | {"mrs", "ms", "mufti", "mullah", "pope", "premier", "president", "presidential"}
    | {"prime", "prince", "princess", "prof", "professor", "queen", "rabbi", "rep"}
    | {"representative", "rev", "reverend", "secretary", "sen", "senator", "sergeant"}
    | {"sgt", "sheikh", "sir", "speaker", "spokesman", "spokesperson", "spokeswoman"}
    | {"sultan", "vice"}
)

#: Occupations written capitalised before a name ("Director James Comey",
#: "Actress Eva Longoria", "Rival Hillary Clinton" opening a sentence): no part
#: of it, though not titles the text resolves roles by. Not "Singer", "Dean" or
#: "Farmer", which are surnames too.
OCCUPATIONS = frozenset(
    """
    director pastor actress actor editor adviser advisor rival correspondent
    columnist commentator strategist pollster anchor producer rapper comedian
    novelist economist analyst candidate nominee frontrunner front-runner
    challenger attorney coach manager founder
    """.split()  # noqa: SIM905
)

#: Capitalised words that end the name of an organisation ("the Durrani Front").
ORG_HEADS = frozenset(
    {"academy", "agency", "airlines", "alliance", "army", "assembly", "association"}
    | {"authority", "bank", "battalion", "board", "brigade", "brigades", "bureau"}
    | {"center", "centre", "club", "coalition", "college", "commission", "committee"}
    | {"company", "congress", "corp", "corporation", "council", "court", "department"}
    | {"federation", "forces", "foundation", "front", "fund", "group", "guard"}
    | {"inc", "industries", "institute", "league", "ltd", "militia", "ministry"}
    | {"mission", "movement", "network", "office", "organisation", "organization"}
    | {"parliament", "party", "programme", "school", "service", "society", "tribunal"}
    | {"trust", "union", "university"}
)

#: "the government", "the administration": a government named so before
GOVERNMENT_NOUNS = frozenset({"government", "administration"})

#: "the company", "the firm": a company named before
COMPANY_NOUNS = frozenset({"company", "firm"})

#: Lower-case words inside a person's name: "Habib-ur-Rahman", "Omar al-Bashir".
NAME_PARTICLES = frozenset(
    {"al", "bin", "bint", "da", "de", "del", "der", "di", "du", "e", "el", "i"}
    | {"ibn", "la", "le", "ud", "ul", "ur", "van", "von", "y"}
)

HYPHENS = frozenset("-\u2010\u2011")

#: Prepositions that make a capital a place, not its government ("in Kabul").
#: Nouns of a place named after "of": "the village of Atmeh" is a place even
#: where the model read a person's name.
PLACE_NOUNS = frozenset(
    """
    village town city province district region county governorate municipality
    island port neighborhood neighbourhood suburb township oblast prefecture
    commune hamlet settlement camp
    """.split()  # noqa: SIM905
)

LOCATIVE_PREPOSITIONS = frozenset(
    {"across", "around", "at", "beyond", "from", "in", "inside", "into", "near"}
    | {"onto"}
    | {"outside", "through", "throughout", "toward", "towards", "via", "within"}
)


#: The kinds of actor that are groups of people (a role's owner, a short name's).
GROUP_KINDS = frozenset({"organisation", "armed_group", "international_organisation"})

#: Singular role nouns that name one person ("the diplomat said"), each with the
#: words an earlier title or apposition must contain for it to refer back there.
PERSON_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(words)
    for noun, words in {
        "adviser": {"adviser", "advisor"},
        "advisor": {"adviser", "advisor"},
        "ambassador": {"ambassador"},
        "analyst": {"analyst", "expert", "researcher", "scholar", "professor"},
        "chairman": {"chairman", "chair", "head"},
        "chairwoman": {"chairwoman", "chair", "head"},
        "chancellor": {"chancellor"},
        "chief": {"chief", "head", "director"},
        "cleric": {"cleric", "imam", "mullah", "ayatollah", "sheikh"},
        "commander": {"commander", "general", "colonel", "chief"},
        "diplomat": {"diplomat", "envoy", "ambassador", "consul", "foreign minister"},
        "envoy": {"envoy", "ambassador", "representative", "emissary"},
        "expert": {"expert", "analyst", "researcher", "scholar", "professor"},
        "founder": {"founder"},
        "general": {"general", "commander"},
        "governor": {"governor"},
        "journalist": {"journalist", "reporter", "correspondent", "editor"},
        "judge": {"judge", "justice"},
        "king": {"king", "monarch"},
        "lawmaker": {"lawmaker", "legislator", "parliament", "senator", "mp"},
        "leader": {"leader", "chief", "head", "chairman", "founder", "commander"},
        "mayor": {"mayor"},
        "minister": {"minister", "secretary"},
        "negotiator": {"negotiator"},
        "officer": {"officer"},
        "official": {"official", "minister", "spokesman", "spokeswoman", "governor"}
        | {"secretary", "envoy", "ambassador", "deputy", "director", "commissioner"},
        "politician": {"politician", "lawmaker", "parliament", "senator", "leader"},
        "premier": {"premier", "prime minister"},
        "president": {"president"},
        "prince": {"prince", "crown prince"},
        "prosecutor": {"prosecutor"},
        "queen": {"queen", "monarch"},
        "researcher": {"researcher", "analyst", "scholar", "expert"},
        "senator": {"senator"},
        "spokesman": {"spokesman", "spokesperson", "press secretary"},
        "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
        "spokeswoman": {"spokeswoman", "spokesperson", "press secretary"},
    }.items()
}

#: Nouns for people who speak for others: their sector is their principal's.
VOICE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})

#: Nouns that, set beside a name, say it is a person's: "Leila Moradi, a
#: researcher at ..." is a researcher even where the model read an organisation.
PERSON_APPOSITIONS = frozenset(
    set(PERSON_NOUNS)
    | VOICE_NOUNS
    | set(
        """
        researcher professor scholar economist lawyer attorney activist author
        writer journalist reporter correspondent editor columnist doctor
        physician surgeon nurse teacher student farmer businessman
        businesswoman entrepreneur resident villager mother father son
        daughter wife husband brother sister widow lecturer historian
        scientist engineer pilot soldier officer colonel sergeant captain
        lieutenant senator congressman congresswoman director secretary
        billionaire tycoon magnate oligarch founder philanthropist
        """.split()  # noqa: SIM905
    )
)

#: spaCy entity labels the stage reads, and the kind of actor each suggests.
NER_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}
#: Entity labels that never belong to a person's name.
NOT_NAME_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
)

#: Reporting verbs: the person before one (and its apposition) is the speaker.
REPORTING_LEMMAS = frozenset(
    {"add", "announce", "believe", "claim", "confirm", "deny", "explain", "insist"}
    | {"note", "reply", "say", "state", "tell", "warn", "write"}
)
