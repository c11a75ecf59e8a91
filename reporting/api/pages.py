"""The API's documentation page, read from its own OpenAPI document, and the officer's token page."""

from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from drf_spectacular.generators import SchemaGenerator

from partnerships.access import require_officer

from .forms import TokenForm
from .models import ApiToken
from .services import api_token_create, api_token_revoke

NEW_KEY = "api_new_token_key"


@lru_cache(maxsize=1)
def openapi_document() -> dict:
    """The OpenAPI document is the same for every caller, so it is worked out once per process."""
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(document: dict) -> list[dict]:
    by_tag: dict[str, list] = {}
    for path, methods in document.get("paths", {}).items():
        for method, operation in methods.items():
            ok = operation.get("responses", {}).get("200", {})
            schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
            by_tag.setdefault((operation.get("tags") or ["API"])[0], []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "parameters": [p for p in operation.get("parameters", []) if p.get("in") == "query"],
                    "returns": _ref_name(schema),
                }
            )
    return [{"tag": tag, "operations": operations} for tag, operations in by_tag.items()]


def _ref_name(schema: dict) -> str:
    ref = schema.get("$ref", "")
    return ref.rsplit("/", 1)[-1] if ref else ""


def _components(document: dict) -> list[dict]:
    components = []
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        if name.startswith("Paginated") or "properties" not in schema:
            continue
        fields = []
        for field_name, field in schema["properties"].items():
            kind = field.get("type") or _ref_name(field) or _ref_name((field.get("allOf") or [{}])[0]) or "object"
            if kind == "array":
                kind = f"list of {field.get('items', {}).get('type') or _ref_name(field.get('items', {}))}"
            fields.append({"name": field_name, "type": kind, "description": field.get("description", "")})
        components.append({"name": name, "description": schema.get("description", ""), "fields": fields})
    return components


def documentation(request):
    """What each endpoint returns and how to filter it, for anyone: the same document as /api/openapi.json."""
    document = openapi_document()
    return render(
        request,
        "api/documentation.html",
        {"info": document["info"], "groups": _operations(document), "components": _components(document)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    """An officer's personal API tokens: make one, see when each was last used, revoke any."""
    require_officer(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, key = api_token_create(user=request.user, name=form.cleaned_data["name"])
        request.session[NEW_KEY] = {"pk": token.pk, "key": key}
        return redirect("api:tokens")
    new = request.session.pop(NEW_KEY, None)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": ApiToken.objects.filter(user=request.user), "new": new},
    )


@login_required
@require_POST
def token_revoke(request, pk):
    require_officer(request.user)
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(token=token)
    messages.success(request, f"The token “{token.name}” has been revoked. Anything using it can no longer read.")
    return redirect("api:tokens")
