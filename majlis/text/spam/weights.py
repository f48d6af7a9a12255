"""Every weight the rules add to the log-odds of spam, in one place to review.

The scale is log-odds: +1 multiplies the odds of spam by e (2.7), 0 is a coin toss, and a
comment is spam when the weights of all its reasons add up to 0 or more. The values were set by
hand, checked against the YouTube comments (leave-one-video-out, see docs/models/spam.md) and the
hand-written French, Arabic and Darija cases in the tests.
"""

from __future__ import annotations

# Overrides: values no real comment carries.
OVERRIDE = 30.0

# The text model.
CONTENT_CAP = 6.0  # the model alone never settles a decision beyond p = 0.9975
UNFAMILIAR_BASE = -2.5  # where it cannot read the language: most comments are not spam (p = 0.08)
# The count of links, for the share of the comment that the model cannot read.
LINK_FIRST = 2.0
LINK_MORE = 0.75  # each further link...
LINKS_MAX = 3.5  # ...up to this

# What links point to. How many links there are is the text model's part (a shape feature).
SHORTENED_LINK = 1.5
SUSPICIOUS_TLD = 1.25
IP_LINK = 1.5
SPAMMY_LINK_HOST = 1.5
ENCODED_ARABIC_LINK = 1.0
BBCODE_LINK = 1.5

# Spam keywords, per category: the first keyword, each further one, the most one category adds.
KEYWORD_FIRST = 1.5
KEYWORD_MORE = 0.75
KEYWORD_CATEGORY_MAX = 3.0
MIXED_SCRIPT_SPAM = 1.0
DISGUISED_LETTERS = 1.5
DISGUISED_LINK = 1.5
CONTACT_OFFSITE = 1.5

# The author.
AUTHOR_IS_LINK = 2.0
AUTHOR_NAME_SPAM = 1.5
AUTHOR_URL_SUSPICIOUS = 1.0
DISPOSABLE_EMAIL = 1.0
INVALID_EMAIL = 0.5
NO_USER_AGENT = 0.5
SCRIPTED_CLIENT = 1.5

# Language.
FOREIGN_SCRIPT = 1.5
LANGUAGE_MISMATCH = 0.5

# History, from the caller's database. Counts grow by log2: each doubling adds the same amount.
IP_VELOCITY_FROM = 3  # comments from one IP in an hour before it counts
IP_VELOCITY_FIRST = 1.0
IP_VELOCITY_PER_DOUBLING = 1.0
IP_VELOCITY_MAX = 3.0
AUTHOR_VELOCITY_FROM = 4
AUTHOR_VELOCITY_FIRST = 0.75
AUTHOR_VELOCITY_PER_DOUBLING = 0.75
AUTHOR_VELOCITY_MAX = 2.0
CROSS_SITE_FIRST = 1.5
CROSS_SITE_PER_DOUBLING = 0.5
CROSS_SITE_MAX = 3.5
CROSS_SITE_MIN_WORDS = 6  # "Merci !" sent to two sites is no campaign
KNOWN_AUTHOR_FIRST = -1.5
KNOWN_AUTHOR_PER_DOUBLING = -0.5
KNOWN_AUTHOR_MAX = -3.0
SITE_LAYER_CAP = 8.0

# When to tell the client to discard the comment unseen (Akismet's "pro-tip: discard").
BLATANT_TOTAL = 7.0  # p >= 0.999...
BLATANT_RULES = 6.0  # ...and the rules alone, without the text model, would say so strongly
