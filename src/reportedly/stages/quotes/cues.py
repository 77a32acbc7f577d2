"""The cue lexicon: reporting, belief and evidence predicates, and their company.

Lemmas are grouped by how much context they need before they count as a cue:
a speech verb ("say", "tell") is a cue with a subject or a complement, a
belief or stance verb ("think", "want") only with a clausal complement.
"""

from __future__ import annotations

#: speech and writing verbs: a cue with a subject or a complement
SPEECH = frozenset(
    """
    say tell add write note argue suggest announce report claim acknowledge
    explain declare insist mention state warn conclude urge reveal vow promise
    pledge predict recall reply respond answer admit concede confirm deny assert
    contend maintain stress emphasize emphasise observe remark comment complain
    boast brag joke quip tweet testify allege assure caution counter retort
    describe criticize criticise accuse blame praise denounce condemn slam blast
    mock question ask demand propose recommend cite dismiss reject defend
    endorse tout echo repeat wonder inform remind estimate indicate reiterate
    affirm proclaim disclose speculate advise lament scold rebuke chide fault
    applaud hail laud thank congratulate apologize apologise charge threaten
    order instruct request beg plead implore encourage advocate lobby counsel
    decry lambaste lambast blog post publish concur dispute rebut refute
    contradict clarify elaborate characterize characterise label brand dub term
    summarize summarise forecast guarantee swear attest certify exhort challenge
    recount narrate relate recollect reminisce muse ponder theorize hypothesize
    hypothesise opine interject whisper shout yell scream exclaim cry sneer snap
    fume rail grouse grumble gripe bemoan deplore regret welcome signal hint
    imply insinuate address notify
    """.split()  # noqa: SIM905
)

#: belief, knowledge, stance and intention verbs: a cue with a complement
BELIEF = frozenset(
    """
    think believe know feel expect hope fear worry doubt suspect assume presume
    suppose understand realize realise recognize recognise consider imagine
    guess reckon figure agree disagree learn hear see view regard remember
    forget decide determine want wish prefer plan intend seek refuse decline
    seem appear support oppose favor favour back show find prove demonstrate
    suggest indicate reveal conclude estimate calculate project insist hold
    trust accept
    """.split()  # noqa: SIM905
)

#: of the verbs above, those that need a clause (not just an object)
CLAUSE_ONLY = frozenset(
    """
    think feel know hope see hear learn find understand remember forget decide
    determine agree realize realise recognize recognise consider imagine guess
    figure hold accept trust wish seem appear want plan intend seek prefer
    """.split()  # noqa: SIM905
)

#: verbs whose direct object is the addressee when a clause is the content
ADDRESSEE_VERBS = frozenset(
    """
    tell ask inform remind warn assure urge advise notify persuade convince
    promise instruct order beg implore encourage caution brief email text call
    """.split()  # noqa: SIM905
)

#: prepositions that join a cue to its content ("spoke about", "called for")
CONTENT_PREPOSITIONS = frozenset(
    """
    about on for against of to over at into
    """.split()  # noqa: SIM905
)

#: nouns naming a written or broadcast medium ("in an interview")
MEDIUM_NOUNS = frozenset(
    """
    interview statement tweet email e-mail letter post blog op-ed column
    editorial speech address conference briefing memo report filing release
    broadcast podcast video message note testimony hearing debate rally remarks
    comments television radio show program programme appearance town hall
    documentary book essay article piece press call telephone phone text
    facebook twitter instagram youtube telegram tiktok weibo wechat whatsapp
    """.split()  # noqa: SIM905
)

#: head nouns of a source that is a document, its output or a body of evidence
#: (the quote kind "document"; an event asserter of kind "source")
DOCUMENT_NOUNS = frozenset(
    """
    report reports study studies survey surveys poll polls document documents
    memo memos email emails letter letters statement statements filing filings
    lawsuit complaint indictment ruling data figures analysis assessment review
    audit investigation inquiry record records transcript transcripts footage
    video videos release website site ad advertisement cable cables intelligence
    estimate estimates research census paper papers book article editorial
    image images photo photos photographs satellite imagery evidence findings
    communique declaration intercept intercepts recording recordings notes
    minutes logs memoir diary tape tapes readout
    """.split()  # noqa: SIM905
)

#: words that hedge what is reported
HEDGES = frozenset(
    """
    reportedly allegedly apparently purportedly supposedly seemingly possibly
    probably perhaps maybe likely unlikely may might could would should
    """.split()  # noqa: SIM905
)

#: verbs a speaker hedges their own words with ("I understand and hear that")
HEDGE_FRAMES = frozenset(
    """
    understand hear believe think suspect guess suppose gather assume imagine
    """.split()  # noqa: SIM905
)

#: reporting nouns that head an attribution ("the claim that ...")
CUE_NOUNS = frozenset(
    """
    claim claims statement statements assertion allegation allegations
    accusation accusations announcement warning warnings promise promises pledge
    vow argument belief view views suggestion insistence assurance assurances
    admission denial prediction criticism call calls comment comments remark
    remarks message
    """.split()  # noqa: SIM905
)

#: labels that open a line with a colon but name nobody ("Editor's note: ...")
NOT_SPEAKERS = frozenset(
    {"UPDATE", "BREAKING", "CORRECTION", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH"}
    | {"READ MORE", "RELATED", "PHOTO", "VIDEO", "NOTE", "LIVE", "ALSO READ"}
    # a section's label before a headline ("Opinion: Why I changed my mind")
    | {"OPINION", "ANALYSIS", "COMMENT", "EDITORIAL", "EXPLAINER", "FACTBOX"}
    | {"FACT CHECK", "EXCLUSIVE", "REVIEW", "OBITUARY", "PODCAST", "TIMELINE"}
)
