"""The themes a challenge touches (the OSP Terms of Reference Appendix B's strategic themes, kept by the themes app)."""

from django.db.models import Q, prefetch_related_objects

from themes.models import Theme


def theme_choices(partnership) -> list:
    """Themes a partnership's challenges may touch: its own, its parent's and its sub-groups' (they lead themes)."""
    return list(
        Theme.objects.filter(
            Q(partnership=partnership)
            | Q(partnership_id=partnership.parent_id)
            | Q(partnership__parent=partnership)
            | Q(lead_group=partnership)
        )
        .select_related("partnership")
        .distinct()
    )


def challenge_themes(challenges) -> dict[int, list]:
    """Each challenge's themes, fetched in one query."""
    challenges = list(challenges)
    prefetch_related_objects(challenges, "themes")
    return {c.pk: list(c.themes.all()) for c in challenges}
