"""The word lists the cleaning rules read names, credits and mastheads with."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: News agencies, as printed in datelines and wire credits (lower case).
NEWS_AGENCIES = _words(
    """reuters afp ap tass itar-tass xinhua upi dpa efe ansa kyodo yonhap anadolu
    irna isna tasnim sputnik interfax bernama antara pti ani ians kuna wam pajhwok
    bakhtar lusa notimex ukrinform belta kcna agerpres tanjug aap"""
) | {
    "associated press",
    "the associated press",
    "agence france-presse",
    "agence france presse",
    "xinhua news agency",
    "kyodo news",
    "anadolu agency",
    "ria novosti",
    "prensa latina",
    "press association",
    "canadian press",
    "the canadian press",
}

#: Names that appear as photo credits only: libraries, pools, platforms.
PHOTO_SOURCES = _words(
    """getty epa epa-efe shutterstock alamy istock istockphoto wikimedia flickr
    imago zuma nurphoto lightrocket corbis magnum sipa pool handout file
    screenshot screengrab courtesy supplied archive archives instagram twitter
    facebook youtube"""
) | {
    "getty images",
    "wikimedia commons",
    "zuma press",
    "zuma wire",
    "sopa images",
    "pa images",
    "pa wire",
    "sipa usa",
    "file photo",
    "file image",
    "screen grab",
}

#: Lower-case words inside personal names ("Ludwig van Beethoven").
PARTICLES = _words(
    "de da del della di du dos van von der den ter bin ibn al el la le y st"
)

#: Lower-case words a byline may hold besides names.
BYLINE_WORDS = PARTICLES | _words(
    """and of the in at from for with staff writer writers correspondent
    correspondents reporter reporters editor editors contributor contributors
    contributing special senior chief political news via on updated published
    posted am pm a.m. p.m. bureau desk team agencies wire services gmt utc et"""
)

#: Words that make a short capitalised header line a masthead ("Salaam Times").
MEDIA_WORDS = _words(
    """times news post daily herald journal tribune press agency telegraph guardian
    gazette monitor radio tv television network broadcasting broadcast media wire
    express chronicle observer review today magazine weekly mirror standard
    independent insider bulletin dispatch courier sentinel examiner inquirer globe
    star sun mail voice online channel service newspaper"""
)

#: Words of page-section labels ("World", "Middle East", "Opinion").
SECTION_WORDS = _words(
    """world politics business opinion opinions analysis sport sports health science
    technology tech culture region regions asia europe africa americas middle east
    us uk national international local news breaking exclusive editorial editorials
    commentary features feature investigations lifestyle entertainment economy
    markets home latest live blog blogs letters interview interviews video videos
    podcast podcasts photos gallery security defence defense diplomacy society
    environment climate elections election"""
)

#: Capitalised kickers that open a paragraph like a dateline but are not places.
NOT_PLACES = _words(
    """breaking update updated correction corrections exclusive watch video photos
    photo note editor's editor analysis opinion live file report listen read
    related transcript summary warning alert urgent flash q a"""
)

#: Words a headline leaves in lower case ("Senate Votes on the Budget").
SMALL_WORDS = _words(
    """a an and as at but by for from in into nor of on or over per the to up via
    vs with is are was be its it than that"""
)
