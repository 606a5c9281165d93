"""Wire stories and republications written for these tests, in the shapes real ones have: a title line, a
dateline lead, attributed quotations, background paragraphs; republications with a new headline, page
furniture, cuts, house style and inserted commentary. None of this text comes from a real article."""
from __future__ import annotations

HARBOR = """Harbor board approves $40 million dredging plan despite fishing fleet objections

PORTLAND, Maine (Reuters) - The Portland harbor board on Tuesday approved a $40 million plan to deepen the main shipping channel, overriding objections from the local fishing fleet that the work would disturb lobster grounds for at least two seasons.

The board voted 5-2 in favor of the plan after a four-hour hearing that drew more than 300 people to the city's convention center, many of them wearing the orange jackets of the Maine Lobstermen's Cooperative.

"This channel has not been deepened since 1987, and the ships calling here today are twice the size of the ones it was built for," board chair Linda Okafor said after the vote. "We cannot ask them to wait for high tide forever."

The U.S. Army Corps of Engineers, which will carry out the work, has said dredging would begin in October and take about 18 months. The federal government will pay 65 percent of the cost, with the state and the port authority splitting the remainder.

Fishermen say the plan's timetable ignores the fall migration of lobsters into deeper water, when the channel's edges are among the most productive grounds in the Gulf of Maine.

"They are going to dig up the one stretch of bottom that keeps a hundred boats working through the winter," said Tom Haskell, who has fished out of Portland for 31 years.

The cooperative has said it will ask a federal court to halt the project until an independent study of its effect on lobster habitat is completed. Its lawyers filed a notice of intent to sue with the Corps last month.

Port officials estimate the deeper channel will bring in about 1,200 additional container calls a year and support some 900 jobs, figures the cooperative disputes as inflated.

The vote comes as ports along the U.S. East Coast race to accommodate larger vessels that began arriving after the expansion of the Panama Canal. Boston, Baltimore and Savannah have all completed similar projects in the past five years.
"""

# The same event, another story: it quotes the same statement of the board chair (and the fisherman), but
# its reporting is its own.
HARBOR_OTHER_STORY = """Lobstermen vow court fight as Portland backs channel dredging

PORTLAND, Maine (Reuters) - Maine lobstermen said on Wednesday they would go to court within weeks to stop the deepening of Portland's shipping channel, a day after the city's harbor board brushed aside their warnings about the fall catch.

Members of the fishing cooperative met at a union hall on the waterfront to raise money for legal fees, pledging more than $80,000 in under an hour, according to organizers.

"This channel has not been deepened since 1987, and the ships calling here today are twice the size of the ones it was built for," board chair Linda Okafor said after the vote. "We cannot ask them to wait for high tide forever."

Cooperative members read that remark aloud at the meeting to jeers, and several speakers accused the board of treating the fleet as an obstacle rather than as the port's oldest business.

"They are going to dig up the one stretch of bottom that keeps a hundred boats working through the winter," said Tom Haskell, who has fished out of Portland for 31 years.

Haskell told the meeting he had invited two board members aboard his boat during the summer and neither had accepted. Board members could not be reached for comment on Wednesday evening.

Legal experts said the fishermen face a steep climb, because courts rarely stop federal navigation projects once an environmental assessment has been accepted, though a judge could order changes to the dredging schedule.
"""

# An agency update of HARBOR: the lead rewritten (and a paragraph added after it), the body kept.
HARBOR_UPDATE = """UPDATE 1-Maine fishermen to sue over $40 million Portland dredging plan

PORTLAND, Maine (Reuters) - Maine's lobster fishermen said on Wednesday they would sue to stop a $40 million plan to deepen Portland's main shipping channel, a day after the harbor board approved it over their objections.

The cooperative's president, Ellen Marsh, said the suit would be filed in federal court in Bangor before the end of the month.

""" + HARBOR.split("\n\n", 2)[2]

TRANSIT = """City council delays vote on bus fare increase after rider protests

DENVER (Reuters) - Denver's city council on Monday postponed a vote on raising bus fares by 25 cents, after hundreds of riders packed a public meeting to argue the increase would fall hardest on low-wage workers who commute from the suburbs.

Council president Ana Ruiz said the council would take up the measure again in January, after the regional transit district presents a study of how the increase would affect ridership on its busiest routes.

"We heard loud and clear that people need more information before we ask them to pay more," Ruiz said at the end of the five-hour session.

The transit district has said it faces a $62 million shortfall next year as federal pandemic aid runs out, and that without the increase it would have to cut service on as many as 14 routes.

Rider groups have proposed closing the gap with a small increase in the regional sales tax instead, an idea several council members said they were willing to consider.

Fares on the district's buses were last raised in 2019. Ridership remains about 20 percent below its level before the pandemic, according to the district's own figures.
"""

WILDFIRE = """Crews contain wildfire that forced evacuations near Bend, officials say

BEND, Ore. (Reuters) - Firefighters had contained about 80 percent of a wildfire that forced the evacuation of more than 2,000 homes west of Bend by Sunday evening, and residents of most neighborhoods were allowed to return, state officials said.

The fire, which started on Thursday afternoon near a popular trailhead, burned about 4,500 acres of pine forest and destroyed six outbuildings, but no homes were lost, according to the Oregon Department of Forestry.

Cooler weather and light rain over the weekend helped crews build containment lines along the fire's eastern edge, which had come within a mile of the city's western subdivisions on Friday.

Investigators have not determined the cause of the fire. A section of the national forest near the trailhead will remain closed to visitors for at least two weeks, the U.S. Forest Service said.
"""

# How a news site carries HARBOR: its own headline and furniture, the dateline and U.S./percent in its
# house style, an editor's note and an unmarked paragraph of its own, cut after the seventh paragraph.
HARBOR_REPUBLISHED = """Home | Local | Business | Opinion

Advertisement

Portland dredging plan wins approval as fishermen cry foul

Published 6:12 p.m. ET Tuesday

PORTLAND, Maine — The Portland harbor board on Tuesday approved a $40 million plan to deepen the main shipping channel, overriding objections from the local fishing fleet that the work would disturb lobster grounds for at least two seasons.

[Editor's note: The Coastal Courier's owner sits on the port authority's advisory council.]

The board voted 5-2 in favor of the plan after a four-hour hearing that drew more than 300 people to the city's convention center, many of them wearing the orange jackets of the Maine Lobstermen's Cooperative.

"This channel has not been deepened since 1987, and the ships calling here today are twice the size of the ones it was built for," board chair Linda Okafor said after the vote.

"We cannot ask them to wait for high tide forever."

The US Army Corps of Engineers, which will carry out the work, has said dredging would begin in October and take about 18 months.

The federal government will pay 65 per cent of the cost, with the state and the port authority splitting the remainder.

It is a decision the whole waterfront will be living with for a generation, and one that deserved far more than a single evening of debate.

Fishermen say the plan's timetable ignores the fall migration of lobsters into deeper water, when the channel's edges are among the most productive grounds in the Gulf of Maine.

Share this article

Sign up for our morning newsletter
"""

STORE = {"harbor.txt": HARBOR, "transit.txt": TRANSIT, "wildfire.txt": WILDFIRE}
