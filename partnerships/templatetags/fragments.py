"""{% fragment key "part" %}...{% endfragment %}: the enclosed template kept in the cache under a key the view made."""

from django import template

from partnerships.fragments import cached_html

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, key, parts):
        self.nodelist, self.key, self.parts = nodelist, key, parts

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        suffix = ":".join(str(part.resolve(context)) for part in self.parts)
        return cached_html(f"{key}:{suffix}" if suffix else key, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    """Render the block once per key (see partnerships/fragments.py); with no key it is rendered every time."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a key: {% fragment key %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])
