"""The themes a challenge touches, from the themes app (seeds/002 Appendix B's strategic themes)."""

from django.db.models import prefetch_related_objects

from .models import Challenge


def themes_available() -> bool:
    return hasattr(Challenge, "themes")


def theme_choices(partnership):
    """The themes a partnership's challenges may touch, or None while the register has none."""
    if not themes_available():
        return None
    Theme = Challenge.themes.field.related_model
    themes = Theme.objects.all()
    if any(field.name == "partnership" for field in Theme._meta.get_fields()):
        # A sub-group's themes count too: the OSP's themes are led by its sub-groups.
        themes = themes.filter(
            partnership__in=[partnership.pk, partnership.parent_id]
            + list(partnership.sub_groups.values_list("pk", flat=True))
        )
    return list(themes.order_by("name") if any(f.name == "name" for f in Theme._meta.get_fields()) else themes)


def challenge_themes(challenges) -> dict[int, list]:
    """Each challenge's themes, fetched in one query."""
    challenges = list(challenges)
    if not themes_available():
        return {c.pk: [] for c in challenges}
    prefetch_related_objects(challenges, "themes")
    return {c.pk: list(c.themes.all()) for c in challenges}
