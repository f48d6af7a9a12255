"""An Akismet request's form fields become a SpamInput."""

from majlis.text.spam import SpamInput


def test_akismet_fields_are_mapped():
    data = SpamInput.from_akismet(
        {
            "blog": "https://marque.ma",
            "user_ip": "196.200.1.2",
            "user_agent": "Mozilla/5.0",
            "referrer": "https://marque.ma/blog",
            "permalink": "https://marque.ma/blog/article",
            "comment_type": "comment",
            "comment_author": "Youssef",
            "comment_author_email": "y@example.ma",
            "comment_author_url": "https://y.example.ma",
            "comment_content": "Bravo",
            "blog_lang": "fr_MA",
            "user_role": "subscriber",
            "is_test": "1",
        }
    )

    assert data == SpamInput(
        content="Bravo",
        author="Youssef",
        author_email="y@example.ma",
        author_url="https://y.example.ma",
        user_ip="196.200.1.2",
        user_agent="Mozilla/5.0",
        referrer="https://marque.ma/blog",
        permalink="https://marque.ma/blog/article",
        comment_type="comment",
        blog_lang="fr_MA",
        user_role="subscriber",
        is_test=True,
        site="https://marque.ma",
    )


def test_the_honeypot_is_the_field_that_honeypot_field_name_names():
    data = SpamInput.from_akismet(
        {"honeypot_field_name": "hp_website", "hp_website": "spam.example"}
    )

    assert data.honeypot_value == "spam.example"


def test_an_absent_honeypot_is_empty():
    assert SpamInput.from_akismet({"hp_website": "x"}).honeypot_value == ""
