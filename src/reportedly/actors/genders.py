"""Pronouns, given names and title words that tell a person's gender, for
every stage that reads people.

The actors stage genders a person by the given name or a title ("Mrs.",
"spokeswoman") before any pronoun is resolved; the quote stage checks that a
pronoun speaker it names, or links to a person, is not of the other gender.
"""

from __future__ import annotations

#: Third-person singular pronouns and the gender they carry.
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}

#: Given names common in the news whose bearers are, with few exceptions, of
#: one gender, so a pronoun can tell "Hillary Clinton" from "Don Fowler" before
#: any pronoun has been resolved to either. Names borne by both (Jordan, Kim,
#: Jean, Andrea, Nikola, Sasha, Robin, Lindsey) are left out on purpose.
FIRST_NAMES = {
    **dict.fromkeys(
        """
        aaron abdul abdullah adam ahmad ahmed alan albert alexander alexei alexey
        ali andrew andriy anthony antonio arthur ashraf barack benjamin bernie
        bill billy bob boris brandon brian bruce carl carlos charles chris
        christopher chuck dan daniel david dennis dmitri dmitry don donald
        douglas ed edward emmanuel eric francois frank friedrich gary george
        gerald gerhard gordon greg gregory gulbuddin hamid hans harold harry
        hassan helmut henry hunter hussein ibrahim igor imran ivan jack jacob
        jacques james jason jeb jeff jeffrey jerry jesse jim jimmy joe john
        johnny jonathan jorge jose joseph joshua juan justin keir keith kenneth
        kevin khalid klaus larry lawrence louis luis luiz mahmoud marco mark
        matteo matthew michael miguel mike mikhail mitch mitt mohammad mohammed
        muhammad narendra nathan nawaz nicholas nicolas nigel nikolai oleg olaf
        omar patrick paul pedro peter petro philip ralph rand raymond recep
        richard rishi robert roger ron ronald rudy russell ryan samuel scott
        sean sergei sergey silvio stephen steve steven ted thomas tim timothy
        tom tony tyler viktor vincent vitali vladimir volodymyr walter wayne
        william wolfgang yair yuri yusuf zalmay zachary
        abbas ahmet andrei andrey andrzej avigdor benny dmytro ebrahim ehud
        emre faruk grzegorz hakan hossein jakub javad jerzy kemal krzysztof
        lukasz marek mateusz mehmet michal mohsen moshe mustafa mykola naftali
        oleh oleksandr oleksiy pawel piotr radoslaw ramzan reza serhiy shehbaz
        taras tomasz vitaly wojciech yoav yury
        """.split(),  # noqa: SIM905
        "m",
    ),
    **dict.fromkeys(
        """
        abigail aisha alice amanda amy angela ann anna anastasia ashley barbara
        benazir betty brenda carly carol caroline catherine charlotte chelsea
        cheryl christina christine condoleezza cynthia deborah debbie denise
        diana diane donna doris dorothy elena elizabeth emily emma evelyn
        fatima frances gloria golda grace hannah heather helen hilary hillary
        indira irina isabella ivanka jacinda jacqueline janet janice jennifer
        jessica joan joyce judith judy julia julie kamala karen katherine
        kathleen kathryn laura lauren leila linda lisa liz lyudmila madeleine
        malala margaret maria marie marilyn mariam martha mary maryam megan
        melania melissa michelle nadia nancy natalia natalie nicole nikki olga
        olivia pamela patricia rachel rebecca ruth samantha sandra sarah
        sharon shirley sophia stephanie susan svetlana tatiana teresa theresa
        ursula valentina victoria virginia yulia zainab zarina zahra
        agnieszka annalena ayelet ayse beata ekaterina ewa fatma giorgia iryna
        joanna kaja katarzyna lina magdalena malgorzata olena rahima sonia
        tetiana tzipi yelena zeynep
        """.split(),  # noqa: SIM905
        "f",
    ),
}

#: Words in a title or apposition that tell a person's gender.
GENDERED = {
    **dict.fromkeys(
        [
            "mr",
            "spokesman",
            "chairman",
            "congressman",
            "king",
            "prince",
            "sir",
            "lord",
            "son",
            "father",
            "brother",
            "husband",
            "sultan",
            "businessman",
        ],
        "m",
    ),
    **dict.fromkeys(
        [
            "mrs",
            "ms",
            "miss",
            "madam",
            "spokeswoman",
            "chairwoman",
            "congresswoman",
            "queen",
            "princess",
            "lady",
            "dame",
            "daughter",
            "mother",
            "sister",
            "wife",
            "widow",
            "businesswoman",
        ],
        "f",
    ),
}
