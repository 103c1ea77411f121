"""Who says what: speech verbs, outlets, roles, pronouns, quotations, and people only."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefbot.attribution import attribute, roles_in, speaker_in
from briefbot.names import PersonName, person_name


def test_said_and_according_to() -> None:
    assert attribute(["Tony Blair said the plan would work."]) == ["Tony Blair"]
    assert attribute(["According to Jane Smith, the talks failed."]) == ["Jane Smith"]
    assert attribute(['"It will not happen," said Mr Howard.']) == ["Mr Howard"]


def test_names_with_accents_composed_or_not() -> None:
    assert attribute(["Jos\u00e9 Manuel Barroso said the rebate must go."]) == ["Jos\u00e9 Manuel Barroso"]
    assert attribute(["Jose\u0301 Manuel Barroso said the rebate must go."]) == ["Jose\u0301 Manuel Barroso"]


def test_the_outlet_told_is_not_the_speaker() -> None:
    assert speaker_in("Sarmed Al-Bayati told Shafaq News Agency that radars would arrive.") == "Sarmed Al-Bayati"
    assert attribute(["Michael Howard spoke.", '"We will win," Mr Howard told BBC Radio 4.']) == [None, "Michael Howard"]


def test_he_explains_belongs_to_the_last_named_speaker() -> None:
    said = attribute(["Security expert Sarmed Al-Bayati noted that talks are not final.",
                      "He explains that ISIS remains active in the desert.",
                      "Iraq has radars."])
    assert said == ["Sarmed Al-Bayati", "Sarmed Al-Bayati", None]


def test_a_quotation_carries_on_until_it_closes() -> None:
    said = attribute(['Dave Prentis said: "We will fight this.',
                      "It is wrong and we will oppose it.",
                      'The strike is planned for March."',
                      "The weather was fine."])
    assert said == ["Dave Prentis", "Dave Prentis", "Dave Prentis", None]


def test_a_sentence_reporting_someone_else_saying_ends_a_quotation_the_article_never_closed() -> None:
    """A new user's find: Mercedes's pledge was labelled "Carlos Moya:", inside his unclosed quotation."""
    said = attribute(['Carlos Moya confirmed: "I am donating my prize money to the tsunami victims.',
                      "The ATP Tour's sponsor, Mercedes, said it would also contribute.",
                      "Moya won in Chennai."])
    assert said[0] == "Carlos Moya" and said[1] is None


def test_a_paragraph_opening_with_a_quote_after_a_speaker_is_theirs() -> None:
    said = attribute(["Al-Numan emphasized, after naming Sabah Al-Numan, that the timelines hold.",
                      "\u201cThese timelines are stable.\u201d"])
    assert said == ["Sabah Al-Numan", "Sabah Al-Numan"]


def test_short_forms_resolve_to_the_full_name_in_the_article() -> None:
    said = attribute(["Sabah al-Numan, a spokesman for the army, said the border is secure.",
                      "Al-Numan added that the wall is finished."])
    assert said == ["Sabah al-Numan", "Sabah al-Numan"]


def test_a_lone_surname_nobody_was_named_with_is_not_a_speaker() -> None:
    assert attribute(["Birkenhead said it would vote no."]) == [None]


def test_countries_and_organisations_are_not_people() -> None:
    said = attribute(["The governments of the United States and Iraq announced a joint statement.",
                      "Labour said it would win.",
                      "The Home Office said the figures were wrong.",
                      "The Fire Brigades Union said firefighters would strike."])
    assert said == [None, None, None, None]


def test_a_role_names_the_person_the_article_gave_it() -> None:
    said = attribute(["A spokesman for the Commander-in-Chief confirmed the timetable.",
                      "The spokesman for the Commander-in-Chief, Sabah al-Numan, told Shafaq News the plan holds.",
                      "Iraq is calm.",
                      "Security expert Sarmed Al-Bayati noted the risk.",
                      "Turkey is near.",
                      "The security expert also highlighted the air threat."])
    assert said[0] == said[1] == "Sabah al-Numan"
    assert said[5] == "Sarmed Al-Bayati"


def test_a_list_a_speaker_opens_with_a_colon_is_theirs() -> None:
    said = attribute(["Mohammed Tawfiq Allawi classifies the presence into two categories:",
                      "Technicians for the jets.",
                      "Trainers, who are no longer needed."])
    assert said == ["Mohammed Tawfiq Allawi"] * 3


def test_roles_from_the_text() -> None:
    assert roles_in("Sabah al-Numan, a spokesman for the Commander-in-Chief of the Iraqi Armed Forces, said so.") == [
        ("Sabah al-Numan", "spokesman for the Commander-in-Chief of the Iraqi Armed Forces")]
    assert roles_in("For his part, security expert Sarmed Al-Bayati says no.") == [("Sarmed Al-Bayati", "security expert")]
    assert roles_in("In turn, the former candidate for prime minister, Mohammed Tawfiq Allawi, classifies it.") == [
        ("Mohammed Tawfiq Allawi", "former candidate for prime minister")]
    assert roles_in("Foreign Secretary Jack Straw said so.") == [("Foreign Secretary Jack Straw", "Foreign Secretary")]
    assert roles_in("Liam Fox, Tory leader wanted to meet voters.") == []


def test_a_peer_is_named_by_title_and_seat() -> None:
    said = attribute(["Meirionnydd Nant Conwy is a seat in Wales.",
                      "Ex-Welsh Office Minister Lord Roberts of Conwy denied it.",
                      "Lord Falconer said the bill was fair."])
    assert said == [None, "Lord Roberts of Conwy", "Lord Falconer"]


def test_person_names() -> None:
    assert person_name("Labour MP Jean Corston").name == "Jean Corston"
    assert person_name("Lord Falconer").name == "Lord Falconer"
    assert person_name("Mr Blair").titled
    for not_a_person in ("Iraq", "United States", "Shafaq News Agency", "Tories", "Downing Street", "PKK"):
        assert person_name(not_a_person) is None, not_a_person


@pytest.mark.parametrize(("phrase", "name"), [("Santiago Solari", "Santiago Solari"), ("Sofia Coppola", "Sofia Coppola"),
                                              ("Santiago mayor Ana Ruiz", "Ana Ruiz"), ("Sydney Harbour", None)])
def test_a_first_name_that_names_a_place_too_opens_a_name(phrase: str, name: str | None) -> None:
    """A place's name before a surname is a first name ("Santiago Solari"); not before a role, nor
    before an English word ("Sydney Harbour")."""
    person = person_name(phrase)
    assert (person.name if person and person.full else None) == name


def test_the_seed_speakers(seed_index) -> None:
    speakers = {seed_index.speaker_of(s) for s in range(len(seed_index))} - {None}
    surnames = {name.split()[-1].lower() for name in speakers}
    assert surnames == {"al-numan", "al-bayati", "allawi"}
    allawi = [seed_index.text_of(s) for s in range(len(seed_index)) if seed_index.speaker_of(s) == "Mohammed Tawfiq Allawi"]
    assert any("F-16" in text for text in allawi)


def test_he_is_the_person_the_last_sentence_was_about() -> None:
    said = attribute(["Michael Howard is to make a pitch for the ethnic vote.",
                      "He will say that taxes are too high.",
                      '"We will cut them," he will add.'])
    assert said == [None, "Michael Howard", "Michael Howard"]
    assert attribute(["Research at the university now covers Alzheimer's and Motor Neurone disease.",
                      "He said it was hard."]) == [None, None]


def test_an_unnamed_spokesman_is_not_the_person_he_mentions() -> None:
    said = attribute(["Tony Blair is expected to call an election in May.",
                      "A Labour Party spokesman said the date was a matter for Mr Blair, but he was unaware of any plan.",
                      "He said no decision had been made."])
    assert said == [None, None, None]
    said = attribute(["Michael Howard spoke in Leeds.",
                      "The plan is costed, according to a spokesman for Mr Howard.",
                      "He said it would cut taxes."])
    assert said == [None, None, None]


def test_said_a_role_then_the_name() -> None:
    assert speaker_in('"We will build it," said council leader Daniel Achebe.') == "Daniel Achebe"
    assert speaker_in('"Costs are up," said finance chief Rhona Kerr.') == "Rhona Kerr"
    assert speaker_in('"A bid is likely," said Daiwa Securities analyst Mark Pervan.') == "Mark Pervan"
    assert speaker_in("The band are determined, according to Q magazine editor Paul Rees.") == "Paul Rees"
    assert speaker_in("Paul Jones, who sang on Sha La La, said Charles was one of his heroes.") == "Paul Jones"


def test_a_name_near_the_start_is_whole() -> None:
    said = attribute(["The scheme which was announced by Mr Kilroy-Silk on Monday is new.", "He said it would work."])
    assert said == [None, "Mr Kilroy-Silk"]


def test_organisations_in_apposition_are_not_people() -> None:
    assert speaker_in("Deutsche Boerse, the German stock exchange that wants to buy its rival, has said it will grow.") is None
    assert speaker_in("Deutsche Boerse also said profit rose.") is None
    assert speaker_in("Munich Re and Swiss Re, the world's two biggest reinsurers, have said costs will be low.") is None
    assert speaker_in("One of the so-called Guildford Four, Gerry Conlon - who was wrongly convicted - said "
                      "the families were delighted.") == "Gerry Conlon"


def test_a_clause_after_a_name_is_no_apposition() -> None:
    assert speaker_in("Szilard Nemeth, recalled in place of Job, was twice denied by Dean Kiely.") is None
    assert speaker_in("Stephanie Villalba sued.") is None
    assert attribute(["Stephanie Villalba sued the bank.", "The tribunal upheld Ms Villalba's claim of victimisation."]) == [
        None, None]


def test_a_speaker_and_a_colon_opens_a_quotation() -> None:
    said = attribute(['Burnley boss Steve Cotterill: "They will be fresh and we will be tired.', 'Our fans will not need it."'])
    assert said == ["Steve Cotterill"] * 2
    said = attribute(["Robert Kilroy-Silk met Nigel Farage.", 'He told Mr Farage: "Do not tell lies."'])
    assert said == [None, "Robert Kilroy-Silk"]


def test_meanwhile_but_he_said_and_thinks() -> None:
    said = attribute(["Lib Dem spokesman Ed Davey meanwhile said quangos had grown.",
                      "Graeme Souness would not be drawn.",
                      'But he said: "The chairman has worked hard."'])
    assert said == ["Ed Davey", None, "Graeme Souness"]
    assert speaker_in("It could make games dearer, thinks Dr Mark Tuffy.") == "Mark Tuffy"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=6))
def test_any_text_gets_a_speaker_or_none(sentences: list[str]) -> None:
    said = attribute(sentences)
    assert len(said) == len(sentences)
    assert all(name is None or isinstance(name, str) and name for name in said)
    for sentence in sentences:
        assert all(role for _, role in roles_in(sentence))


def test_a_quotation_is_the_person_named_where_it_closes() -> None:
    said = attribute(['"The fee is too high," said Tom Telford.',
                      '"If you are not fired up, what is the point?',
                      "We are fired up.",
                      'We are up for this election," said Rich Porter.'])
    assert said == ["Tom Telford", "Rich Porter", "Rich Porter", "Rich Porter"]
    said = attribute(["Frank Rijkaard was critical of the decision.",
                      '"There was a lot of talking before the game.',
                      'It is not good behaviour," he said.'])
    assert said == [None, "Frank Rijkaard", "Frank Rijkaard"]


def test_said_name_split_off_its_quotation_by_punkt() -> None:
    said = attribute(["Ulrich Schulte-Strathaus leads the airlines.", "Fuel costs rose.",
                      '"Why target the airlines?"', "said Ulrich Schulte-Strathaus, secretary general of the group."])
    assert said == [None, None,
                    "Ulrich Schulte-Strathaus", "Ulrich Schulte-Strathaus"]
    said = attribute(["The system could grow, said chief operating officer Jonathan Schwartz.",
                      '"Why build your own grid when you can use ours?"', "he asked in a webcast."])
    assert said == ["Jonathan Schwartz"] * 3


def test_a_quotation_left_open_ends_with_its_paragraph() -> None:
    sentences = ['Peter Jamieson said: "We are pleased.', "We want a level playing field.",
                 "The charts are run by a joint venture.", '"It is a good day," he said.']
    assert attribute(sentences, [0, 0, 1, 2]) == ["Peter Jamieson", "Peter Jamieson", None, "Peter Jamieson"]


def test_an_epithet_is_the_person_the_story_is_about() -> None:
    said = attribute(["Hollywood film star Liam Neeson held a dinner in New York.",
                      "The Ballymena-born actor said the theatre was in a poor state."])
    assert said == [None, "Liam Neeson"]
    said = attribute(["Manchester United's Alex Ferguson has praised his players.",
                      '"It was a fantastic game," said the Old Trafford boss.', '"We showed character.'])
    assert said == [None, "Alex Ferguson", "Alex Ferguson"]
    said = attribute(["Tony Blair spoke in Leeds.", '"It is fine," said the Labour Party spokesman.',
                      "The actor said nothing more."])
    assert said == [None, None, None]


def test_a_deed_is_no_statement() -> None:
    said = attribute(["Andy Reid rejected a move to Southampton.", "Paul Brizzel will defend his 200m title.",
                      "Joe Cole added a second with a shot.", "Jane Hutt defended her record, saying it was fine.",
                      "Oday Rasheed said the title refers to isolation."])
    assert said == [None, None, None, "Jane Hutt", "Oday Rasheed"]
    assert attribute(["Judge Letitia Clark sat.", "A judge has dismissed an attempt by Yukos to gain protection."]) == [
        None, None]


def test_a_name_after_a_preposition_is_not_the_speaker() -> None:
    assert speaker_in("Sources close to Mr Hockney said eight members would go.") is None
    assert speaker_in("A letter sent to Martin Mubanga said his passport would not be issued.") is None
    assert speaker_in("In a speech to the Policy Centre Mr Straw said it was so.") == "Mr Straw"


def test_a_person_of_an_organisation_is_the_speaker() -> None:
    assert speaker_in("But William Corr of the Campaign for Tobacco-Free Kids urged the government to press on.") == (
        "William Corr")
    assert speaker_in("Anne Thompson of the Hollywood Reporter said it was heart-wrenching.") == "Anne Thompson"
    assert speaker_in("Fans of Michael Jackson said he was innocent.") is None


def test_called_it_and_paid_tribute() -> None:
    said = attribute(["Dana Cruz says the film is hurtful.", 'He called the film "pornographic".', "He called the police.",
                      'Sol Campbell has called the rivalry "bitter".', "Cate Blanchett won.",
                      "Blanchett also paid tribute to Martin Scorsese."])
    assert said == ["Dana Cruz", "Dana Cruz", None, "Sol Campbell", None, "Cate Blanchett"]
    said = attribute(["Alex Ferguson spoke.", 'Reminded that Ferguson called him "a disgrace", Arsene Wenger added: "No.'])
    assert said == [None, "Arsene Wenger"]


def test_a_nickname_inside_a_name() -> None:
    assert attribute(["Guitarist Brian 'Head' Welch told a radio station that he had quit.", "Welch said so."]) == [
        "Brian Welch", "Brian Welch"]


def test_he_is_named_by_the_narration_not_inside_a_quotation() -> None:
    said = attribute(["Richard Tateson worked on it.", "He ended up shopping.",
                      '"You do not arrive at Tate Britain and ask.', 'You look," he said.'])
    assert said == [None, None, "Richard Tateson", "Richard Tateson"]


def test_a_quotation_after_a_speaker_is_not_theirs_when_the_narration_names_another() -> None:
    said = attribute(["Tony Blair said he was back.", '"The voters are keen," is the dry view of Graham Lane, a councillor.'])
    assert said == ["Tony Blair", None]


def test_the_shadow_home_secretary_is_not_the_home_secretary() -> None:
    said = attribute(["Shadow home secretary David Davis said it was wrong.", "David Blunkett apologised.",
                      "The home secretary confirmed the review."])
    assert said == ["David Davis", None, None]


def test_plural_organisations_are_not_people() -> None:
    assert speaker_in("The Federation of Building Societies told Reuters it was seeking aid.") is None
    assert speaker_in("Universities Scotland claimed that applications had not fallen.") is None


def test_a_speech_verb_inside_a_quotation_is_not_the_narration() -> None:
    said = attribute(["Vanity Fair is by William Makepeace Thackeray.", '"I cast intuitively," said director Mira Nair.',
                      '"Thackeray describes Becky Sharp as a minx.', 'Reese had that about her."'])
    assert said == [None] + ["Mira Nair"] * 3
    said = attribute(['Tory spokesman David Davis said the plans were "a PR exercise".',
                      'Police were "buried" under initiatives and nothing would reassure them," said Mr Davis.'])
    assert said == ["David Davis"] * 2
    said = attribute(['"We need a striker.', "It is hard.", 'Gunners boss Arsene Wenger said: "Freddie is an option."'])
    assert said[2] == "Arsene Wenger"


def test_he_is_the_subject_after_an_opening_phrase() -> None:
    said = attribute(["Charlie Bell took over.", "Having worked closely with Mr Jim Cantalupo, Mr Bell focused on demand.",
                      'He had promised not to let the company get "fat".'])
    assert said == [None, None, "Charlie Bell"]


def test_a_firm_based_somewhere_is_not_a_person() -> None:
    assert speaker_in("Paris-based Euronext, owner of Liffe, has also said it is interested.") is None
    assert speaker_in("London-based analyst John Smith said prices would rise.") == "John Smith"


def test_questioned_how_is_a_statement() -> None:
    assert speaker_in("But Simon Hart of the Alliance has questioned how police will ensure there are no violations.") == (
        "Simon Hart")
    assert speaker_in("Detective Jane Moss questioned a man about the theft.") is None


def test_publications_and_schools_are_not_people() -> None:
    assert speaker_in("Its two-day takings were 1.1 million admissions, Screen Daily said.") is None
    assert speaker_in("St Fintian's High School says it is clearly identified in the video.") is None
    assert speaker_in("The Catholic Herald also highlighted articles he wrote.") is None


def test_she_is_not_the_man_the_article_calls_he() -> None:
    said = attribute(["Ronnie Corbett attacked modern television.",
                      '"Shows lack care," he complained.',
                      "Corbett is the latest star to bemoan the dumbing down of TV.",
                      "In an interview published in the Radio Times in January, Victoria Wood slated comedian Sacha Baron Cohen.",
                      '"It is a shame people cannot write a script," she said.'])
    assert said[1] == "Ronnie Corbett"
    assert said[4] is None  # not Corbett, and the article never says which of the others is a woman


def test_he_is_the_one_man_just_named_when_the_subject_is_a_woman() -> None:
    said = attribute(["Notts police chief Steve Green said innocent people would suffer.",
                      "But Culture Secretary Tessa Jowell said a delay would be disastrous and she accused the Tories.",
                      "Earlier chief constable Green questioned how his officers would apply the powers.",
                      '"Which licensed premises do you blame?"',
                      "he asked on BBC Radio 4."])
    assert said[2:] == ["Steve Green", "Steve Green", "Steve Green"]


def test_a_womans_words_go_to_the_woman_named_before_a_man() -> None:
    said = attribute(["Ms Anne Alexander studies the elections.",
                      "Radwan Hadi said he fears foreign firms.",
                      '"Assets are being sold off," she says.'])
    assert said == [None, "Radwan Hadi", "Anne Alexander"]


def test_events_firms_and_their_adjectives_are_not_people() -> None:
    assert attribute(['"He must rest," said Hopman Cup doctor Hamish Osborne.']) == ["Hamish Osborne"]
    assert attribute(["British Telecom said it would double broadband speeds."]) == [None]
    assert attribute(["International Tennis Writers said he was the best ambassador."]) == [None]
    assert (person_name("British Prime Minister Tony Blair") or PersonName("")).name == "Tony Blair"


def test_a_plural_possessive_is_not_part_of_the_name() -> None:
    assert speaker_in('"We are honoured," said Sky Networks\' Sophie Turner Laing.') == "Sophie Turner Laing"


def test_a_capitalised_word_opening_a_sentence_is_not_part_of_a_name_named_without_it() -> None:
    said = attribute(["Nicole Kidman won her case in Sydney.", "Actress Nicole Kidman said she was pleased."])
    assert said == [None, "Nicole Kidman"]


def test_someone_never_named_in_full_speaks_for_themselves_not_the_last_speaker() -> None:
    said = attribute(["Andre Agassi beat Taylor Dent in four sets, and Federer won too.",
                      '"It was a tough match," said Agassi.',
                      "Federer admitted he was under pressure in his win over Ancic.",
                      '"They are so used to me winning," he said.'])
    assert said[1:] == ["Andre Agassi", None, None]
    said = attribute(["Liverpool chief executive Rick Parry spoke about Steven Gerrard.",
                      '"Steven wants to win things," said Mr Parry.',
                      'Some fans would object, but Evans countered: "It could go into the team.',
                      "Time will tell."])
    assert said[1:] == ["Rick Parry", None, None]


def test_he_long_after_anyone_was_named_is_the_story_protagonist() -> None:
    said = attribute(["Lord Callaghan, the former prime minister, has died aged 92.",
                      "Lord Callaghan led Labour in the 1970s.",
                      "Liberal Democrat leader Charles Kennedy said he had been a great man.",
                      "He enlisted in the navy in 1942.",
                      "He rose to the rank of lieutenant.",
                      "He became chancellor of the exchequer in 1964.",
                      "He resisted devaluation for three years.",
                      'When he refused to back the manifesto in 1968, he said: "I am not going to resign.'])
    assert said[2] == "Charles Kennedy"
    assert said[-1] == "Lord Callaghan"


def test_a_name_after_the_is_nobody_the_sentence_is_about() -> None:
    said = attribute(["Mefin Davies is on a one-year contract at Gloucester.",
                      "The demise of the Celtic Warriors region left Davies without a club.",
                      "He admitted he was angry with the way he was treated."])
    assert said[2] == "Mefin Davies"


def test_an_epithet_opening_a_sentence_is_the_protagonist_not_the_man_it_names() -> None:
    said = attribute(["Mark Lewis-Francis says he wants World Championship gold.",
                      "The 22-year-old pipped Maurice Greene on the last leg of the relay in Athens.",
                      '"I want to get there again," he said.'])
    assert said == ["Mark Lewis-Francis", None, "Mark Lewis-Francis"]
    said = attribute(["Jake White claimed the coaching award while his side took the team award."])
    assert said == [None]  # a deed, not words


def test_an_epithet_is_whom_the_last_sentences_were_about_before_the_protagonist() -> None:
    said = attribute(["Stephen Jones praised the Wales backs.", "Stephen Jones kicked the winning penalty.",
                      "None more so than Gavin Henson, who now faces the spotlight.",
                      "The confident 23-year-old is undaunted by the prospect.",
                      '"I like pressure on me," he said.'])
    assert said[-1] == "Gavin Henson"


def test_gender_is_read_from_subjects_not_objects_nor_quotations() -> None:
    said = attribute(["Debra Hill co-wrote Halloween with John Carpenter.",
                      "Carpenter said that working with Hill was a joy.",
                      "In the 90s she was reunited with Carpenter for Escape From LA.",
                      "At the time of her death she was working on a film.",
                      '"She was incredibly talented," he said.'])
    assert said[-1] == "John Carpenter"
    said = attribute(["UK Athletics chief Max Jones believes Kelly Holmes will race.",
                      'Jones added: "She was pleased with her run.',
                      'It could depend on training."',
                      '"She is a very good team member," he added.'])
    assert said[-1] == "Max Jones"


def test_a_name_the_article_shows_is_an_organisation_says_nothing() -> None:
    said = attribute(['"We are not expecting a sale," brokerage Merrill Lynch said in a note to investors.',
                      '"The family has not said it wants to sell."'])
    assert said == [None, None]
    said = attribute(["UK-based bank Standard Chartered said it would spend $3.3bn on the deal.",
                      '"We won," said Standard Chartered chief executive Mervyn Davies.',
                      "Standard Chartered said it was buying 100% of KFB."])
    assert said == [None, "Mervyn Davies", None]
    said = attribute(["According to Il Sole 24 Ore, Italy's business newspaper, the government will act."])
    assert said == [None]
    said = attribute(['"Things are going well," said Dimitri Adam, the firm\'s chief executive.',
                      '"We are growing," said John Wilkin, a University of Michigan librarian.'])
    assert said == ["Dimitri Adam", "John Wilkin"]  # a person whose apposition names a firm or a university


def test_a_kind_of_organisation_ending_a_name_makes_it_one() -> None:
    assert speaker_in("Now, according to Asahi Breweries, the market is set to grow 84% this year.") is None


def test_the_person_after_a_possessive_and_a_relation_speaks() -> None:
    said = attribute(["Actress Nicole Kidman has won a court order.",
                      '"Nicole would like to make it clear that she respects the press," said Kidman\'s publicist Wendy Day.'])
    assert said[1] == "Wendy Day"
    assert speaker_in('"We will win," said Blair\'s spokesman.', last="Tony Blair") is None


def test_a_demonym_before_a_name_is_not_part_of_it() -> None:
    assert person_name("New Yorker Dick Morris").name == "Dick Morris"
    assert person_name("Australian Lynton Crosby").name == "Lynton Crosby"
    assert person_name("Brian Kerr").name == "Brian Kerr"


def test_an_opening_phrase_after_and_does_not_hold_the_subject() -> None:
    said = attribute(["New Yorker Dick Morris is a winner.", "Morris is no ideologue.",
                      "And, while we are on the subject of Mr Kilroy-Silk, Mr Morris despatches him.",
                      '"Robert Kilroy-Silk is not a team player."', "How will he achieve the breakthrough?",
                      '"Look, we are not going to be forming the next government," he said.'])
    assert said[-1] == "Dick Morris"


def test_a_capitalised_verb_opening_a_firm_name_is_not_a_first_name() -> None:
    said = attribute(['"People want to save sites," said Tony Macklin.',
                      "Under My Ask Jeeves users can search the web.",
                      '"It\'s about finding again what you found before," he said.'])
    assert said[-1] == "Tony Macklin"


def test_what_one_says_inside_another_view_is_the_view_holder_s() -> None:
    said = attribute(["Ireland coach Eddie O'Sullivan was surprised that England coach Andy Robinson said he was "
                      "certain Mark Cueto was onside."])
    assert said == ["Eddie O'Sullivan"]
    assert attribute(["England coach Andy Robinson said he was certain Mark Cueto was onside."]) == ["Andy Robinson"]


def test_an_organisation_adjective_after_the_is_still_no_first_name() -> None:
    said = attribute(["The British Chambers of Commerce welcomed the latest proposal.",
                      '"This move today is the best of both worlds," it said.'])
    assert said == [None, None]


def test_an_adverb_between_pronoun_and_verb_still_says_who_speaks() -> None:
    said = attribute(["Sir Nicholas Scott was sacked in 1994.",
                      "After his sacking, he bitterly said the Eurosceptics were determined to get rid of him."])
    assert said[1] == "Nicholas Scott"
    assert speaker_in("The Smith family said they were delighted.") is None  # "family" is no adverb


def test_more_speech_verbs() -> None:
    said = attribute(["Jeffrey Matsuura is a lawyer.", "He speculated that Delta might be concerned."])
    assert said[1] == "Jeffrey Matsuura"
    assert speaker_in('You can now buy "trusted computers", but can we trust the vendors, asks technology analyst '
                      "Bill Thompson.") == "Bill Thompson"


def test_an_age_makes_a_role_an_epithet_for_the_subject() -> None:
    said = attribute(["Spain coach Luis Aragones is furious after being fined.",
                      "The 66-year-old criticised his 3000 euros punishment."])
    assert said[1] == "Luis Aragones"
    said = attribute(["Patti Smith will curate Meltdown, a festival that has featured singer Jane Birkin.",
                      "The 58-year-old US singer of Because the Night told The Observer it was her response."])
    assert said[-1] == "Patti Smith"
    said = attribute(["Rafael Benitez wants a striker.",
                      '"I would be keen to leave," admitted the 28-year-old Morientes.'])
    assert said[-1] is None  # a name the article never gives in full, not the subject


def test_according_to_a_role_is_the_person_the_article_gives_it() -> None:
    said = attribute(["The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel as lousy history.",
                      "The book has sold seven million copies.",
                      "A great deal of evidence proves the Biblical version was true, according to the Bishop."])
    assert said[-1] == "Tom Wright"


def test_an_oscar_winner_is_an_epithet() -> None:
    said = attribute(["Lord of the Rings director Peter Jackson has said the film is four years away.",
                      'The Oscar winner said on a visit to Sydney there was a "desire" to make it.'])
    assert said[1] == "Peter Jackson"


def test_a_title_after_an_article_is_no_person() -> None:
    assert person_name("The Da Vinci Code") is None
    assert person_name("A Different Story") is None
    assert person_name("The Rt Rev Dr Tom Wright").name == "Tom Wright"
    said = attribute(["Singer George Michael has said a film is the start of his retirement.",
                      "The film, A Different Story, chronicles his life.",
                      '"I\'m still going to be making music," he said.'])
    assert said[-1] == "George Michael"


def test_the_subject_of_two_verbs_says_what_the_second_says() -> None:
    said = attribute(["Pierce Brosnan led the past four Bond films but said producers axed him."])
    assert said == ["Pierce Brosnan"]
    said = attribute(["Charlie Hodgson kicked well.", "Hodgson converted and added a penalty for a 10-3 lead."])
    assert said[1] is None  # a deed
    said = attribute(["Alan Wass was given a curfew and told to surrender his passport."])
    assert said == [None]


def test_a_role_after_a_speaker_with_that_role_noun_is_the_speaker() -> None:
    said = attribute(["New York Senator Charles Schumer said the tapes were probably stolen.",
                      '"Baggage handlers should have background checks," the Democrat senator said.',
                      "Details of Pat Leahy's account are missing, Senator Leahy's spokeswoman said."])
    assert said[1] == "Charles Schumer"
    said = attribute(["Home Secretary Charles Clarke said the plans were sound.",
                      "Tory David Davis, the shadow home secretary, attacked them.",
                      '"We will win," said Charles Clarke.',
                      '"It is wrong," the shadow home secretary said.'])
    assert said[-1] == "David Davis"


def test_several_speaking_together_give_no_one_speaker() -> None:
    assert attribute(["German Chancellor Gerhard Schroeder and French President Jacques Chirac have repeatedly "
                      "called for the embargo to be lifted."]) == [None]
    assert attribute(["But opponents of the bill, including Tory Lord Campbell of Alloway and the Bishop of "
                      "Winchester, the Rt Rev Michael Scott-Joynt, said it would separate the state from the Church."]) == [None]
    assert attribute(["Trade and Industry Secretary Patricia Hewitt said people would not be forced to work."]) == [
        "Patricia Hewitt"]
    said = attribute(["Clive Woodward picked his squad.",
                      "And following the All Blacks' displays, including a 45-6 humiliation of France, Woodward "
                      "believes the series will be hard."])
    assert said[1] == "Clive Woodward"


def test_he_after_a_person_never_named_in_full_is_not_the_last_subject() -> None:
    said = attribute(['"It is an immense privilege," said director Mike Leigh.',
                      "DiCaprio, who lost out on the best actor Bafta to Foxx, will face him again at the Oscars.",
                      '"It\'s the first time I\'ve come to the Baftas," he told reporters.'])
    assert said == ["Mike Leigh", None, None]


def test_after_an_unnamed_speaker_the_names_they_mention_are_not_the_subject() -> None:
    said = attribute(["Lord Woolf said he did not think there would be difficulties.",
                      "A Department for Constitutional Affairs spokeswoman said Lord Woolf and Lord Falconer agreed.",
                      '"Their disagreement is about a very narrow dispute," she said.'])
    assert said == ["Lord Woolf", None, None]


def test_said_his_wife_is_the_wife_s_words() -> None:
    said = attribute(["Novelist Arthur Hailey has died aged 84.", '"He had a wonderful life.',
                      'He achieved that," said his wife, Sheila.'])
    assert said[-1] is None  # Sheila, named by her first name only: no one the article names in full
    said = attribute(["Novelist Arthur Hailey has died aged 84. His wife Sheila Hailey was with him.",
                      '"He achieved that," said his wife, Sheila Hailey.'])
    assert said[-1] == "Sheila Hailey"


def test_writing_a_work_is_a_deed() -> None:
    said = attribute(["Douglas Adams died in 2001.", "Adams wrote the screenplay based on his book."])
    assert said[1] is None
    assert attribute(["Douglas Adams wrote that the guide was mostly harmless."]) == ["Douglas Adams"]


def test_a_quotation_left_open_ends_where_the_narration_names_its_speaker() -> None:
    said = attribute(['"I told the club I would like to stay," said Paul Bosvelt.',
                      '"The main concern is my age but I think I have proved I am fit enough.',
                      "Bosvelt joined City from Feyenoord in 2003."])
    assert said == ["Paul Bosvelt", "Paul Bosvelt", None]


def test_a_newspaper_word_makes_a_name_a_paper() -> None:
    said = attribute(["The plan is to get the go-ahead this month, according to The Mail on Sunday.",
                      "The Mail on Sunday's Financial Mail said the Treasury had allocated £7.5bn."])
    assert said == [None, None]


def test_an_initial_with_a_full_stop_is_part_of_the_name() -> None:
    said = attribute(["Tata Teleservices is using the lasers to link its customers.",
                      '"Digging is a bit of a task," said Mr R. Sridharan, vice president of networks at Tata.',
                      '"Heavy traffic makes digging difficult," he said.'])
    assert said == [None, "Sridharan", "Sridharan"]
    said = attribute(["He starred in seven Lee films including Malcolm X. Attallah Shabazz, the daughter of activist "
                      "Malcolm X, recalled the famous eulogy delivered by Davis at her father's funeral.",
                      '"Harlem has come to bid farewell," she said.'])
    assert said == ["Attallah Shabazz"] * 2  # "X." ends a film's title here: no "Malcolm X. Attallah Shabazz"


def test_a_name_then_a_role_then_a_name_is_the_second_person_s_words() -> None:
    said = attribute(["A box set of Nirvana tracks is on sale, against the wishes of Kurt Cobain's widow.",
                      '"The band wasn\'t always in tune.', 'It\'s Nirvana unedited," said Cobain biographer Charles Cross.'])
    assert said == [None, "Charles Cross", "Charles Cross"]
    said = attribute(["A blog is created every 5.8 seconds, according to US research think-tank Pew Internet and "
                      "American Life.",
                      '"It works," says Cara Diemont of IT firm Dimension Data.'])
    assert said == [None, "Cara Diemont"]  # a kind of organisation before the second name: it is no one


def test_shares_in_a_name_make_it_a_firm() -> None:
    said = attribute(["Shares in Krispy Kreme Doughnuts have taken a dunking on Wall Street.",
                      "Krispy Kreme said accounting errors had forced the move."])
    assert said == [None, None]


def test_an_age_epithet_after_a_sentence_naming_two_people_is_no_one() -> None:
    story = ["Richard Dunne is ready to commit his future to Manchester City.",
             "Newcastle boss Graeme Souness is said to have been impressed by Dunne's form.",
             "But the 25-year-old Dubliner underlined his intention to stay at Eastlands.",
             'He added: "It\'s nice to be linked with top clubs."']
    assert attribute(story)[-1] is None
    said = attribute(["Allan Scott is confident of winning a medal next week.",
                      "The 22-year-old Scot finished fourth in the 60m hurdles.",
                      '"It was a learning curve," said the East Kilbride athlete.'])
    assert said[-1] == "Allan Scott"


def test_the_noun_comma_name_comma_said_is_the_named_person_s_words() -> None:
    said = attribute(["Guitarist Mick Mars is being sued by his ex-girlfriend.",
                      "The woman, Robin Mantooth, said Mars promised her financial support."])
    assert said == [None, "Robin Mantooth"]
    said = attribute(["Their lawyer, Majeed Memon, said the film should wait."])
    assert said == ["Majeed Memon"]


def test_a_quotation_followed_by_name_and_verb_alone_is_that_person_s() -> None:
    said = attribute(["Defence lawyer Reid Weingarten questioned David Myers.",
                      '"Not that I am aware of," Mr Myers replied.',
                      '"Did you ever know Mr Ebbers to make an accounting entry?"',
                      "Mr Weingarten pressed."])
    assert said == [None, "David Myers", "Reid Weingarten", None]


def test_a_group_saying_first_is_no_one_named() -> None:
    said = attribute(["President Hugo Chavez has backed land reforms.",
                      "Critics say the powers - which President Chavez argues are needed - trample property rights."])
    assert said == [None, None]


def test_an_open_quotation_carries_on_only_its_head_s_speaker() -> None:
    # The head names someone we cannot resolve: what follows is not the last speaker's.
    said = attribute(["TUC general secretary Brendan Barber said the law must change.",
                      "Rory O' Neill, editor of Hazards magazine, said: \"Giving safety reps more rights is a win-win.",
                      "Death and injuries at work increased last year.",
                      "It would be a fatal mistake to wait.\""])
    assert said[0] == "Brendan Barber" and said[2:] == [None, None]
    # Someone else named, or a thing, heads the quotation.
    said = attribute(["Chelsea boss Jose Mourinho said his side would attack.",
                      "Barcelona star Ronaldinho admitted: \"It is going to be a difficult match.",
                      "They pressure very well.\""])
    assert said == ["Jose Mourinho", None, None]
    said = attribute(["UKIP spokesman Mark Croucher said the views were not policy.",
                      "The document reportedly said: \"We're looking for the resurrection of the Empire.",
                      "The problems can only be dealt with on a global scale.\""])
    assert said == ["Mark Croucher", None, None]


def test_an_open_quotation_headed_by_a_pronoun_or_an_epithet_carries_the_last_speaker() -> None:
    said = attribute(["Jamie Foxx said he was thrilled.",
                      "He also praised the film director: \"Thank you for taking a chance with this film.",
                      "Taylor, you're my director of the year.\""])
    assert said[0] == said[2] == "Jamie Foxx"
    said = attribute(["Maria Sharapova said she was pleased.",
                      "The American added: \"I love it here.",
                      "The atmosphere is great.\""])
    assert said[0] == said[2] == "Maria Sharapova"


def test_a_person_the_article_names_by_one_word_speaks() -> None:
    # CNN's Oprah interview never gives Meghan a surname: "Meghan said" is Meghan's, and so is "she said".
    said = attribute(["Allegations of racism within the family itself, and Meghan's admission that she felt "
                      "suicidal during her pregnancy, have been splashed across newspapers.",
                      "Meghan said there was concern within the royal family about her baby's skin tone.",
                      "Meghan also said she never received guidance on the formalities of the role.",
                      "\"I couldn't call an Uber to the palace,\" she joked at one point.",
                      "\"Hydrate\" was Archie's recent favorite word, Meghan said."])
    assert said == [None, "Meghan", "Meghan", "Meghan", "Meghan"]
    # A firm is "it", never "she": one word that "he" or "she" never follows is no one.
    said = attribute(["Merrill said Ms Villalba lacked the leadership skills to turn around the unit.",
                      "Merrill said it was pleased with the ruling."])
    assert said == [None, None]


def test_a_first_name_alone_is_the_article_s_one_person_of_that_name() -> None:
    said = attribute(["Jamie Costin has been out of action since a car crash.",
                      "Jamie heads to Poland again on Sunday where he will be having daily cryotherapy.",
                      "All these sessions are small steps on the way to what Jamie hopes will be a return to racing."])
    assert said[2] == "Jamie Costin"


def test_a_one_word_speaker_whose_verb_he_follows_is_someone_else() -> None:
    # "Federer admitted he…" (Federer never written in full nor mid-sentence): his "he said" is no one's we know.
    said = attribute(["Dominik Hrbaty defeated the 10th seed in five sets.",
                      "Federer admitted he was under extra pressure after extending his winning streak.",
                      "\"They are so used to me winning, but it's not that simple,\" he said."])
    assert said[1:] == [None, None]


def test_said_one_unnamed_person_is_no_one_and_so_is_the_quotation_they_open() -> None:
    said = attribute(["\"Mark is held in high esteem,\" said Aubrey Woodard, the chairman of the district party.",
                      "He said he expressed his concerns to a Meadows' staffer.",
                      "\"Meadows screwed everybody,\" said one GOP operative in the state.",
                      "\"About 15 percent of the General Assembly is out there in the mountains.",
                      "They have all been eyeing that seat and figured they had two more years.\""])
    assert said[:2] == ["Aubrey Woodard", "Aubrey Woodard"] and said[2:] == [None, None, None]
    said = attribute(["\"Well, then that would be quite different,\" said a skeptical Robert Wolfarth, the trust's new "
                      "chairman."])
    assert said == ["Robert Wolfarth"]


def test_he_says_x_did_is_his_words_and_a_passive_s_agent_is_he() -> None:
    said = attribute(["Tory MP Michael Mates told the BBC that the rule was not absolute.",
                      "The claims about Lord Falconer and Baroness Morgan's involvement were made in a book "
                      "published this week by Philippe Sands QC, a member of Cherie Blair's Matrix Chambers.",
                      "He also says Lord Goldsmith warned Tony Blair on 7 March 2003 that the Iraq war could be "
                      "illegal without a second UN resolution."])
    assert said == ["Michael Mates", None, "Philippe Sands"]


def test_words_said_inside_an_opening_clause_are_not_the_sentence_s() -> None:
    assert attribute(["As Mr Brown announced the Budget date in a short ministerial statement, accountancy firm "
                      "Ernst & Young urged him to put politics aside."]) == [None]
    assert attribute(["Harry said he could not have left the family.",
                      "When Winfrey asked if he could share the questions posed during the conversation, he declined, "
                      "saying \"I'm not comfortable with sharing that.\""])[1] != "Oprah Winfrey"
    # The verb ending the opening says whose the words after it are.
    assert attribute(["As Liberal Democrat leader Charles Kennedy claimed, for most families the distinction between "
                      "income tax and a tax on income is meaningless."]) == ["Charles Kennedy"]


def test_a_name_right_after_a_speech_verb_is_what_another_reports() -> None:
    assert attribute(["Andrew Fahie was held at a Miami airport.",
                      "Reuters News Agency reported that a DEA complaint said Fahie had agreed to allow an informant "
                      "to use BVI ports."])[1] is None
    assert attribute(["Gordon Brown and Tony Blair met.",
                      "Mr Peston's book claimed that Mr Brown told Mr Blair: \"There is nothing you could ever say to "
                      "me now that I could ever believe.\""])[1] is None
    # A passive "was announced" is no one's saying: the name after it speaks.
    assert attribute(["Speaking after the investigation was announced Bob Neill, leader of the London Assembly "
                      "Conservatives, said: \"He has behaved in a manner unbecoming of his office.\""]) == ["Bob Neill"]


def test_a_question_closed_by_name_asked_name_is_the_asker_s() -> None:
    said = attribute(["Bernice Scott told co-host Gayle Smith: \"We will reckon with them.\"",
                      "\"What is it about Joe Biden that you feel a personal connection to?\"",
                      "Smith asked Scott."])
    assert said == ["Bernice Scott", "Gayle Smith", "Gayle Smith"]


def test_he_after_a_passive_is_the_one_who_voiced_a_view_of_it() -> None:
    """Things done to one person, a view of it voiced by another: "he said" next is the one with the view."""
    said = attribute(["Rovers boss Tom Fenner would sign Ivan Petrov once the striker has served his ban.",
                      "Petrov was sacked by City on Friday after a failed test - a move Fenner has backed.",
                      'But he said: "I think he will be banned for a long time.',
                      '"But once he has served it, he has the right to start again."'],
                     [0, 1, 1, 1])
    assert said == [None, None, "Tom Fenner", "Tom Fenner"]
    said = attribute(["Ivan Petrov was sacked by City on Friday.", 'He said: "I am shocked."'])
    assert said == [None, "Ivan Petrov"]  # no one else voices a view: he is still Petrov


def test_said_with_a_name_we_cannot_resolve_is_not_the_last_speaker() -> None:
    """'"…," said Quill, who left Hale's office': Quill's words, though the article gives Quill no
    full name; not those of Mark Hale, who spoke before and is named beside the quotation."""
    said = attribute(["Mark Hale said the race was open.",
                      "\u201cThe first I heard of it was late on Tuesday,\u201d said Quill, who left Hale's office.",
                      "He said he was not deterred."])
    assert said == ["Mark Hale", None, None]


def test_an_age_epithet_is_the_person_just_introduced() -> None:
    said = attribute(["Wearing a red dress, Jane Moss told reporters the night was cold.",
                      "The younger stars were also there in the shape of Lucy Hart, who plays a witch in the films.",
                      "The 14-year-old said she was hoping to meet the older stars."])
    assert said == ["Jane Moss", None, "Lucy Hart"]


def test_capitals_before_a_role_and_a_name_describe_that_person() -> None:
    """"Double Olympic champion Kelly Holmes": "Double Olympic" is no one, Kelly Holmes speaks."""
    said = attribute(["Double Olympic champion Kelly Holmes won the 1,000m in Birmingham.",
                      "But she is still undecided about the European Championships.",
                      '"I will make my mind up at the last minute," she said.'])
    assert said == [None, None, "Kelly Holmes"]
    assert attribute(["Tony Blair adviser Alastair Campbell said the poll was wrong."]) == ["Alastair Campbell"]


def test_what_a_reporter_expects_someone_to_say_is_not_their_words() -> None:
    """"He is expected to stress…" is the reporter's forecast; a speech's text given ahead ("will say:
    \"…\"") is the speaker's words."""
    said = attribute(["Chancellor Gordon Brown will set out his plans on Wednesday.",
                      "He is expected to stress the importance of continued economic stability.",
                      'Mr Brown will say: "We have kept our promises."'])
    assert said == [None, None, "Gordon Brown"]


def test_a_quotation_closed_then_described_then_named_is_the_named_one_s() -> None:
    """S16: '"…," hunt master, Captain Ian Farquhar, said.' was labelled John Cooper (quoted two
    sentences before): after a quotation, the words before "NAME, said" can only describe who said it."""
    said = attribute(['John Cooper of the League Against Cruel Sports said the law must be enforced.',
                      '"We are not going away.',
                      'We will keep these hounds going and in the end we will hunt again," hunt master, '
                      'Captain Ian Farquhar, said.'], [0, 1, 1])
    assert said[1:] == ["Ian Farquhar", "Ian Farquhar"]


def test_the_role_an_unnamed_sentence_gives_its_words_to() -> None:
    """S16: "The prime minister said…" names no one: `who said that?` looks for the role's one holder."""
    from briefbot.attribution import holds_role, role_speaking
    assert role_speaking("The prime minister said the law-abiding citizen should be in charge.") == "prime minister"
    assert role_speaking("The prime minister visited a school in Welling.") is None
    assert role_speaking("Tony Blair said it would work.") is None
    assert holds_role("prime minister", "Prime Minister")
    assert not holds_role("prime minister", "Deputy Prime Minister")
    assert not holds_role("prime minister", "Former Labour prime minister")
