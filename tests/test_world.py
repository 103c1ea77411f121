"""The world found in a corpus: characters, places, organisations, facts, the world file, find."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbot.cache import load
from briefbot.world import Character, Organisation, Place, World, build_world


@pytest.fixture(scope="module")
def seed_world(seed_index) -> World:
    return build_world(seed_index)


def _corpus(tmp_path: Path, articles: dict[str, str]):
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return load([str(tmp_path)], lambda line: None, use_cache=False)


def test_the_seed_characters_are_the_three_speakers_with_roles(seed_world: World) -> None:
    people = {c.name.split()[-1].lower(): c for c in seed_world.characters}
    assert set(people) == {"al-numan", "al-bayati", "allawi"}
    assert "spokesman for the Commander-in-Chief" in people["al-numan"].role
    assert people["al-bayati"].role == "security expert"
    assert "candidate" in people["allawi"].role
    assert {"Sarmed Al-Bayati", "Sarmad Al-Bayati"} <= people["al-bayati"].names()


def test_a_character_holds_what_they_said(seed_index, seed_world: World) -> None:
    allawi = seed_world.find("Allawi", (Character,))[0]
    said = [seed_index.text_of(s) for s in allawi.sentences]
    assert any("sovereign" in text for text in said)
    assert not any("Al-Bayati" in text for text in said)


def test_seed_places_are_rooms_with_exits(seed_world: World) -> None:
    names = {p.name for p in seed_world.places}
    for place in ("Iraq", "Syria", "Erbil", "Harir base", "Kurdistan Region", "Palmyra", "Deir ez-Zor", "Turkey"):
        assert place in names, place
    asad = [p for p in seed_world.places if "Ain" in p.name]
    assert len(asad) == 1 and {"Ain al-Assad base", "Ain Al-Asad base"} <= asad[0].names()
    victoria = seed_world.find("Camp Victoria", (Place,))[0]
    assert "Victoria base" in victoria.names()
    harir = seed_world.find("Harir base", (Place,))[0]
    assert "Erbil" in harir.exits
    assert all(name in names for p in seed_world.places for name in p.exits)


def test_seed_organisations_join_short_and_long_names(seed_world: World) -> None:
    pkk = seed_world.find("PKK", (Organisation,))[0]
    assert pkk.name == "Kurdistan Workers' Party"
    assert len(pkk.sentences) >= 3  # named in both articles, under both names
    sdf = seed_world.find("SDF", (Organisation,))[0]
    assert sdf.name == "Syrian Democratic Forces"
    org_names = {o.name for o in seed_world.organisations}
    assert {"ISIS", "NATO", "Popular Mobilization Forces", "Supreme Military Committee"} <= org_names
    assert not org_names & {"Iraq", "Syria", "Erbil"}


def test_facts_count_the_same_statement_once(seed_index, seed_world: World) -> None:
    assert len(seed_world.fact_of) == len(seed_index)
    assert sorted(set(seed_world.fact_of.tolist())) == list(range(seed_world.fact_count))
    assert seed_world.fact_count < len(seed_index)
    facts = [[s for s in range(len(seed_index)) if seed_world.fact_of[s] == f] for f in range(seed_world.fact_count)]
    assert [f[0] for f in facts] == sorted(f[0] for f in facts)  # numbered by their first sentence
    shared = [f for f in facts if len(f) > 1]
    assert len(shared) >= 10
    for fact in shared:
        articles = [int(seed_index.sent_article[s]) for s in fact]
        assert len(set(articles)) == len(articles)
    airport = [s for s in range(len(seed_index)) if "Harir base in Erbil" in seed_index.text_of(s)]
    assert seed_world.fact_of[airport[0]] == seed_world.fact_of[airport[1]]


@pytest.mark.parametrize(("typed", "expected"), [
    ("al-bayati", "Al-Bayati"), ("albayati", "Al-Bayati"), ("Sarmad", "Al-Bayati"), ("al bayaty", "Al-Bayati"),
    ("pkk", "Kurdistan Workers' Party"), ("harir", "Harir base"), ("the PKK", "Kurdistan Workers' Party"),
    ("numan", "al-Numan"), ("ain al asad", "Ain"),
])
def test_find_resolves_what_players_type(seed_world: World, typed: str, expected: str) -> None:
    found = seed_world.find(typed)
    assert found and expected in found[0].name


def test_find_nothing(seed_world: World) -> None:
    assert seed_world.find("") == []
    assert seed_world.find("zebra crossing") == []
    assert seed_world.find("x" * 500) == []  # a long typo is no name, however its letters collapse


def test_people_across_articles(tmp_path: Path) -> None:
    index = _corpus(tmp_path, {
        "a.txt": "Blair backs plan\n\nPrime Minister Tony Blair said the plan would work. "
                 "Mr Blair added that taxes would not rise. Lib Dem president Simon Hughes said it would fail.\n",
        "b.txt": "Hughes quits\n\nThe former immigration minister Beverly Hughes said she would resign. "
                 "Ms Hughes said she was sorry. Mr Blair said he was sad to see her go.\n",
    })
    world = build_world(index)
    names = sorted(c.name for c in world.characters)
    assert names == ["Beverly Hughes", "Simon Hughes", "Tony Blair"]
    blair = world.find("blair", (Character,))[0]
    assert len(blair.sentences) == 3
    assert blair.role == "Prime Minister"
    assert world.find("Hughes", (Character,))[0].name in ("Beverly Hughes", "Simon Hughes")


def test_organisations_from_cue_words_parentheses_and_initials(tmp_path: Path) -> None:
    index = _corpus(tmp_path, {
        "a.txt": "Farm row\n\nThe National Farmers Union (NFU) said prices fell in Kent. "
                 "The Ministry of Agriculture disagreed. Officials at the Grain Marketing Board were silent.\n",
        "b.txt": "Farm row goes on\n\nThe NFU wants talks. The GMB says nothing. "
                 "A Grain Marketing Board report is due in Kent and near Ashford. Trains to Ashford and in Ashford stopped.\n",
    })
    world = build_world(index)
    nfu = world.find("nfu", (Organisation,))[0]
    assert nfu.name == "National Farmers Union" and len(nfu.sentences) == 2
    gmb = world.find("gmb", (Organisation,))[0]
    assert gmb.name == "Grain Marketing Board"
    assert world.find("Ministry of Agriculture", (Organisation,))
    places = {p.name for p in world.places}
    assert {"Kent", "Ashford"} <= places
    assert world.characters == []


def test_the_world_file_names_merges_describes_and_drops(seed_index, tmp_path: Path) -> None:
    path = tmp_path / "world.toml"
    path.write_text("""
ignore = ["NATO"]

[[character]]
name = "Sarmed Al-Bayati"
role = "analyst"
description = "Security expert."

[[organisation]]
name = "International coalition"
variants = ["Global Coalition", "Inherent Resolve coalition"]

[[place]]
name = "The desert"
variants = ["deserts of Palmyra"]

[[merge]]
names = ["Harir base", "Erbil"]
""", encoding="utf-8")
    world = build_world(seed_index, path)
    bayati = world.find("albayati", (Character,))[0]
    assert (bayati.name, bayati.role, bayati.description) == ("Sarmed Al-Bayati", "analyst", "Security expert.")
    coalition = world.find("global coalition", (Organisation,))[0]
    assert coalition.name == "International coalition" and "Inherent Resolve coalition" in coalition.variants
    assert world.find("the desert", (Place,))[0].sentences
    harir = world.find("harir", (Place,))[0]
    assert "Erbil" in harir.variants and not [p for p in world.places if p.name == "Erbil"]
    assert not world.find("NATO")
    assert len(build_world(seed_index, tmp_path / "missing.toml").characters) == 3


@pytest.mark.parametrize("text", ["[[character]\nname = ", "[[character]]\nrole = 'no name'\n",
                                  "ignore = 'not a list'\n", "[[merge]]\nnames = [1, 2]\n", "\ud800"])
def test_a_broken_world_file_is_left_out_with_a_warning(seed_index, tmp_path: Path, text: str) -> None:
    path = tmp_path / "world.toml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    world = build_world(seed_index, path)
    assert len(world.characters) == 3
    assert len(world.warnings) == 1 and str(path) in world.warnings[0]


def test_a_party_is_never_taken_for_a_person(tmp_path: Path) -> None:
    index = _corpus(tmp_path, {
        "a.txt": "Candidate row\n\nRussell Tanguay, agent for Arundel and South Downs Tories, said the MP could not stand. "
                 "The Tories said they would choose again.\n",
    })
    world = build_world(index)
    assert [c.name for c in world.characters] == ["Russell Tanguay"]
    assert world.find("tories", (Organisation,))[0].name == "Conservative Party"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_find_takes_anything(seed_world: World, typed: str) -> None:
    for thing in seed_world.find(typed):
        assert thing in seed_world.things


def test_software_and_acronym_plurals_are_no_places(tmp_path: Path) -> None:
    index = _corpus(tmp_path, {
        "a.txt": "Bugs found\n\nFlaws were found in Windows programs and in Ashford. Viruses spread on PCs at home. "
                 "Fixes for bugs in Windows came late. The windows of the office were shut.\n",
        "b.txt": "More bugs\n\nThe firm sells software on PCs in Ashford.\n",
    })
    places = {p.name for p in build_world(index).places}
    assert "Ashford" in places
    assert not {"Windows", "PCs"} & places


def test_a_firm_named_like_a_person_gives_no_role_to_that_person(tmp_path: Path) -> None:
    index = _corpus(tmp_path, {
        "a.txt": "Design\n\nWeb usability expert Jakob Nielsen said sites were slow. "
                 '"Users hate waiting," said Dr Nielsen.\n',
        "b.txt": "Broadband\n\nMore people use broadband, according to market analysts Nielsen/NetRatings. "
                 "The report by Nielsen/NetRatings found a rise, say market analysts Nielsen/NetRatings. "
                 "Fast access doubled, according to market analysts Nielsen/NetRatings.\n",
    })
    nielsen = build_world(index).find("Jakob Nielsen", (Character,))[0]
    assert nielsen.role == "web usability expert"


def test_a_firm_someone_works_at_is_no_place(tmp_path: Path) -> None:
    index = _corpus(tmp_path, {
        "a.txt": "Attacks\n\nThe attacks grew, said Malcolm Seagrave, security expert at Energis. Sites were down, "
                 "said Paul King, chief security architect at Energis. Offices in Ashford shut.\n",
        "b.txt": "Viruses\n\nViruses spread, said a study by security firm Symantec. Staff in Symantec and in "
                 "Symantec were busy. Staff in Ashford were calm. A suit was filed in the US District Court "
                 "in California. Another was filed in the US District Court.\n",
    })
    places = {p.name for p in build_world(index).places}
    assert "Ashford" in places
    assert not {"Energis", "Symantec", "US District"} & places


def test_a_guru_has_a_role(tmp_path: Path) -> None:
    index = _corpus(tmp_path, {
        "a.txt": "Design\n\nSome things stayed constant, says usability guru Dr Jakob Nielsen. "
                 '"Users hate waiting," said Dr Nielsen.\n',
    })
    assert build_world(index).find("Jakob Nielsen", (Character,))[0].role == "usability guru"


def test_an_acronym_is_a_name_it_spells_written_in_the_same_article(tmp_path: Path) -> None:
    """Initials alone, across a corpus, join nothing: Nintendo's DS is not another story's Digital
    Society, nor LG the Lenovo Group; a definition holds where its letters spell the long name."""
    index = _corpus(tmp_path, {
        "a.txt": "Games\n\nNintendo's DS sold well in Japan. The DS costs $149. LG said its phones sold well. "
                 "Internet Explorer (IE) lost share.\n",
        "b.txt": "Ideas\n\nThe think tank's Digital Society initiative held a conference. The Lenovo Group grew. "
                 "Universal and Warner Brothers signed a deal. The IEEE standards body met. The British Bankers' "
                 "Association (BBA) said lending fell. Radios used Ultra Wideband (UWB) in Called Global System for "
                 "Mobiles (GSM) tests. The awards went to Romola Garai (Calico) and Damien Traille (Biarritz).\n",
        "c.txt": "Flights\n\nBA flights to Jeddah stop, British Airways (BA) said. The UWB chips shipped. "
                 "The Grain Marketing Board (GMB) met. The GMB said nothing.\n",
    })
    world = build_world(index)
    names = {t.name: t.names() for t in world.organisations}
    assert names["DS"] == {"DS"} and names["Digital Society"] == {"Digital Society"}
    assert names["LG"] == {"LG"} and names["Lenovo Group"] == {"Lenovo Group"}
    assert names["Ultra Wideband"] == {"Ultra Wideband", "UWB"}
    assert names["Universal and Warner Brothers"] == {"Universal and Warner Brothers"}
    assert names["Global System for Mobiles"] == {"Global System for Mobiles", "GSM"}
    assert names["Grain Marketing Board"] == {"Grain Marketing Board", "GMB"}
    assert not {"Romola Garai", "Damien Traille", "Calico", "Biarritz"} & {n for ns in names.values() for n in ns}


def test_an_acronym_keeps_its_doubled_letters(tmp_path: Path) -> None:
    """`IEEE` is not `IE`, `BBA` not `BA` (a doubled letter is one only in a transliteration: `Assad`)."""
    index = _corpus(tmp_path, {
        "a.txt": "Standards\n\nThe IEEE met in Boston. Internet Explorer (IE) lost share. The British Bankers' "
                 "Association (BBA) said lending fell. British Airways (BA) cut flights.\n",
    })
    names = {t.name: t.names() for t in build_world(index).organisations}
    assert names["IEEE"] == {"IEEE"}
    assert names["Internet Explorer"] == {"Internet Explorer", "IE"}
    assert names["British Bankers' Association"] == {"British Bankers' Association", "BBA"}
    assert names["British Airways"] == {"British Airways", "BA"}


def test_a_speaker_needs_a_persons_shape(tmp_path: Path) -> None:
    """A first name, a surname after a word never written in lower case, a title or a role, or
    words that are no common words: "Really Simple Syndication" and "Qwest Communications" have none."""
    index = _corpus(tmp_path, {
        "a.txt": "Feeds\n\n\"Feeds are everywhere,\" said Really Simple Syndication. \"Profits fell,\" said Qwest "
                 "Communications. \"The market is calm,\" said Bill Gates. \"We are cautious,\" said Joss Stone. "
                 "\"Rates will rise,\" said Ramdhan Yadav Kotamaraja. \"Sales are slow,\" said Mr Simple.\n",
        "b.txt": "Words\n\nIt is really simple: syndication of news feeds helps communications firms.\n",
    })
    names = {c.name for c in build_world(index).characters}
    assert names == {"Bill Gates", "Joss Stone", "Ramdhan Yadav Kotamaraja", "Mr Simple"}


def test_a_surname_spelt_otherwise_is_someone_else_in_another_story(tmp_path: Path) -> None:
    """"Mr Wang" in one story is not "Eddie Wong" of another (their skeletons are one); "Ms Abbott"
    is "Diane Abbot" (a doubled letter)."""
    index = _corpus(tmp_path, {
        "a.txt": "Markets\n\n\"Rates will rise,\" said Eddie Wong, an economist. \"It is a blip,\" said Diane Abbot.\n",
        "b.txt": "Trade\n\n\"Sales are slow,\" said Mr Wang, a trader. \"It was painful,\" said Ms Abbott.\n",
    })
    people = {c.name: c.names() for c in build_world(index).characters}
    assert set(people) == {"Eddie Wong", "Mr Wang", "Diane Abbot"}
    assert "Ms Abbott" in people["Diane Abbot"]


def test_readers_comments_tell_nothing_of_what_they_name(tmp_path: Path) -> None:
    """An organisation's sentences are statements: not the readers' comments ending a story
    (questions, exclamations, an unquoted "I", and the lines among them), nor a stray question."""
    index = _corpus(tmp_path, {
        "a.txt": "Apple laptop is greatest gadget\n\nThe Apple Powerbook 100 has been chosen as the greatest gadget "
                 "of all time.\n\nThe magazine compiled a list of 100 gadgets.\n\n\"We included only mobile items,\" "
                 "said editor Jane Doe.\n\nWhat about the clockwork radio?\n\nCongratulations to Apple, a deserved "
                 "win!\n\nApple.. a triumph of fashion over everything else.\n\nI always used my Sony NetMD.\n\n"
                 "Has everyone forgotten the pie maker??\n",
        "b.txt": "Rivals of the Apple Mac mini\n\nApple is targeting people who want to upgrade. "
                 "Who will buy it? Sony makes rival machines.\n",
    })
    apple = build_world(index).find("Apple", (Organisation,))[0]
    told = [index.text_of(s) for s in apple.sentences]
    assert told == ["The Apple Powerbook 100 has been chosen as the greatest gadget of all time.",
                    "Apple is targeting people who want to upgrade."]


def test_a_place_needs_a_place_shape(tmp_path: Path) -> None:
    """A name found only after "in" is a place when most of its own mentions are placed so
    ("in Edgware"), not a game named eleven times and played "in Painkiller" twice; a cue word
    makes a place of a name with a word that is no common word ("Harir base"), not "Just Add Shapes base"."""
    index = _corpus(tmp_path, {
        "a.txt": "Games\n\nPainkiller is a shooter. Painkiller won praise. Painkiller sold well. Players in Painkiller "
                 "fight demons. Painkiller has levels. Enemies in Painkiller are tough. The studio is in Edgware. "
                 "Staff in Edgware cheered. The Just Add Shapes base has levels. Troops at Harir base trained.\n",
        "b.txt": "Words\n\nYou just add the shapes to the base. Shapes are fun.\n",
    })
    places = {p.name for p in build_world(index).places}
    assert {"Edgware", "Harir base"} <= places
    assert not {"Painkiller", "Just Add Shapes base"} & places


def test_capitals_that_are_no_acronym_make_no_organisation(tmp_path: Path) -> None:
    """A headline in capitals, a Roman numeral, an acronym inside a longer name or a model: no dossier."""
    index = _corpus(tmp_path, {
        "a.txt": "Games\n\nTHE LEGEND OF ZELDA\n\nKing Edward III set it up. The LMA Manager 2005 game sold well. "
                 "Canon's EOS 300D won. The NUJ said staff were sacked. NUJ official Barry Fitzpatrick agreed.\n",
    })
    names = {o.name for o in build_world(index).organisations}
    assert "NUJ" in names
    assert not {"LEGEND", "ZELDA", "III", "LMA", "EOS"} & names


def test_whom_someone_speaks_to_is_no_topic(tmp_path: Path) -> None:
    """"told BBC News Online": the outlet a person speaks to is not what they talk about."""
    from briefbot.topic import talked_about
    index = _corpus(tmp_path, {
        "a.txt": "Blogger sacked\n\nFlight attendant Ellen Simonetti told BBC News Online she was sacked by Delta "
                 "Airlines. \"Delta Airlines never warned me,\" Ms Simonetti told BBC News Online. She told BBC News "
                 "Online she would sue Delta Airlines in Texas. BBC News Online asked Delta Airlines for comment.\n",
    })
    world = build_world(index)
    simonetti = world.find("Simonetti", (Character,))[0]
    topics = talked_about(index, world, simonetti)
    assert "Delta Airlines" in topics
    assert not any("BBC" in topic for topic in topics)


def test_an_acronym_written_as_a_kind_of_thing_is_no_organisation(tmp_path: Path) -> None:
    """An acronym written only before a common noun, after "a" or "known as" (BBC tech: "an FM
    transmitter", "DAB sets"), after a model or a number ("C180 SE"), before "$" ("HK$327m"), is a
    technique or a product; one written once as a body ("NUJ official Barry Fitzpatrick", "KA has
    also threatened", "research group ISAE", "cable operators NTL") or not shown either way ("a
    senior figure from BT", "the CDC mainframe": after "the", a body's name too) stays."""
    index = _corpus(tmp_path, {
        "a.txt": "Radio\n\nThe digital radio technology is known as DAB and works on slightly different technology. "
                 "DAB sets have been slow to take off. He built an FM transmitter. The handset can receive FM "
                 "broadcasts. Sharp is quitting the LCD panel market. The Mercedes Benz C180 SE and the BMW 116i SE "
                 "are cheaper. Profit was HK$327m. In October 1972 connections to the CDC mainframe at Michigan "
                 "State University opened.\n",
        "b.txt": "Unions\n\nNUJ official Barry Fitzpatrick agreed. KA has also threatened the players. Economic "
                 "research group ISAE has said confidence fell. Fast access over cable operators NTL grew. The Lib "
                 "Dems have appointed a senior figure from BT.\n",
    })
    names = {o.name for o in build_world(index).organisations}
    assert {"NUJ", "KA", "ISAE", "NTL", "BT", "CDC"} <= names
    assert not {"DAB", "FM", "SE", "HK"} & names


def test_a_word_in_capitals_is_no_acronym(tmp_path: Path) -> None:
    """Web pages' headings and datelines in capitals ("- HOPE AND LOSS: Your coronavirus stories",
    "KOBE – A total of 6,000 surgical masks…", "EMAIL") are words or names the pages write
    otherwise ("email", "in Kobe"), not organisations; an acronym written so is one ("The WHO said")."""
    index = _corpus(tmp_path, {
        "a.txt": "Masks\n\nKOBE \u2013 A total of 6,000 surgical masks have been lost at a hospital in Kobe. EMAIL\n\n"
                 "Send us an email with your stories. - HOPE AND LOSS: Your coronavirus stories. The CDC said "
                 "masks help.\n\n(FILE)\n",
    })
    names = {o.name for o in build_world(index).organisations}
    assert "CDC" in names
    assert not {"KOBE", "EMAIL", "HOPE", "LOSS", "FILE"} & names


def test_a_technique_the_corpus_writes_in_lower_case_is_no_organisation(tmp_path: Path) -> None:
    """"Really Simple Syndication (RSS)" defines a format when the corpus also writes "really simple
    syndication": neither it nor RSS is an organisation, even where RSS "is" something; "Recording
    Industry Association of America (RIAA)" stays."""
    index = _corpus(tmp_path, {
        "a.txt": "Feeds\n\nIt uses a technology known as Really Simple Syndication (RSS) that many blogs use. RSS is "
                 "popular. The Recording Industry Association of America (RIAA) sued.\n",
        "b.txt": "Podcasts\n\nIt makes use of RSS (really simple syndication) and audio technology.\n",
    })
    names = {n for o in build_world(index).organisations for n in o.names()}
    assert {"Recording Industry Association of America", "RIAA"} <= names
    assert not {"Really Simple Syndication", "RSS"} & names


def test_a_role_written_before_a_name_is_no_part_of_it(tmp_path: Path) -> None:
    """BBC sport: "Referee Graham Poll said…" opens a sentence, and the corpus writes "referee Graham
    Poll" elsewhere: the character is Graham Poll, a referee. "Bill Gates" keeps his first name."""
    index = _corpus(tmp_path, {
        "a.txt": "Free-kick\n\nReferee Graham Poll said he applied the laws of the game. \"The market is calm,\" said "
                 "Bill Gates.\n",
        "b.txt": "Red card\n\nBowyer was shown the red card by referee Graham Poll. He paid the bill.\n",
    })
    people = {c.name: c for c in build_world(index).characters}
    assert set(people) == {"Graham Poll", "Bill Gates"}
    assert people["Graham Poll"].role == "referee"
    assert "Referee Graham Poll" in people["Graham Poll"].names()


def test_a_gazetteer_name_in_capitals_finds_its_sentences_in_either_spelling(tmp_path: Path) -> None:
    """Opec is written "Opec" by the BBC: the gazetteer's "OPEC" spelling must not hide it (which
    spelling was looked up once depended on the order of a set)."""
    index = _corpus(tmp_path, {
        "a.txt": "Oil\n\nOil prices rose after Opec cut output. Opec meets in Vienna.\n",
    })
    opec = build_world(index).find("Opec", (Organisation,))
    assert opec and len(opec[0].sentences) == 2


def test_topics_are_the_noun_phrases_someone_talks_about(seed_index, seed_world: World) -> None:
    """Al-Bayati says ISIS "does not pose a direct threat to Iraq due to the strength of Iraq's
    defensive lines" and that its dangers are "only on the ground": his topics hold "defensive
    lines", not "lines", and no "ground" (where the danger is, not what he talks about); al-Numan's
    "security services" are not "services"."""
    from briefbot.topic import talked_about
    bayati = talked_about(seed_index, seed_world, seed_world.find("Al-Bayati", (Character,))[0])
    numan = talked_about(seed_index, seed_world, seed_world.find("al-Numan", (Character,))[0])
    assert "defensive lines" in bayati and "security services" in numan
    assert not {"lines", "ground"} & set(bayati) and "services" not in numan


def test_a_body_that_names_a_site_is_an_organisation(tmp_path: Path) -> None:
    """RAF is written in the politics folder only as a modifier: "RAF aircraft", "three RAF
    flights", and the bases it runs: "at RAF Fairford", "landed at RAF Northolt". A site named for
    it is the body's; a game that goes on with a number is not ("LMA Manager 2005"), nor capitals
    never written alone ("at JP Morgan": one name)."""
    index = _corpus(tmp_path, {
        "a.txt": "Protest\n\nPolice turned protestors away near RAF Fairford in 2003. They were detained on the "
                 "way to RAF Fairford. Aid arrived on three RAF flights.\n",
        "b.txt": "Games\n\nFans queued for LMA Manager 2005 all night. LMA sets were sold out. He went to JP "
                 "Morgan from JRR Tolkien's publisher.\n",
    })
    names = {o.name for o in build_world(index).organisations}
    assert "RAF" in names and not {"LMA", "JP", "JRR"} & names


def test_a_speaker_named_for_a_body_is_no_person(tmp_path: Path) -> None:
    """"Presumptive Democratic White House nominee Joe Biden joined calls…" gave the speaker
    "Presumptive Democratic White House": a name ending in a body the gazetteer knows is none."""
    index = _corpus(tmp_path, {
        "a.txt": "Race\n\n\"We need the data,\" said Presumptive Democratic White House. \"The data matter,\" said "
                 "Joe Biden.\n",
    })
    names = {c.name for c in build_world(index).characters}
    assert "Joe Biden" in names and not any("White House" in n for n in names)
