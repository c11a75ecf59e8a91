from django import template

register = template.Library()


@register.filter
def rows(items, columns) -> list[list]:
    """Items laid out in rows of `columns`, the last row padded, for the grid tables of the OSP annual update to Council (March 2023) §36–37."""
    columns = int(columns)
    items = list(items)
    found = [items[i : i + columns] for i in range(0, len(items), columns)]
    if found and len(found[-1]) < columns:
        found[-1] = found[-1] + [""] * (columns - len(found[-1]))
    return found


@register.filter
def letter(index) -> str:
    """1 -> a, 2 -> b: recommendations are lettered in Cambridge City Council's Annual Review of Strategic Partnerships 2024."""
    return chr(ord("a") + int(index) - 1)


@register.filter
def and_join(items) -> str:
    """'A, B and C', as a report writes a list in a sentence."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
