"""The read-only view every API list and record is built on: scoped, filtered, paginated and cacheable."""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, serializers, viewsets

from partnerships.access import get_access

BIGGEST_ID = 2**63 - 1
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
DIGITS = re.compile(r"^[0-9]{1,19}$")


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(required=False)


class InvalidFilterSerializer(serializers.Serializer):
    """Each field's errors under its name."""

    detail = serializers.CharField(required=False)


@dataclass
class Filter:
    """One query parameter: its type, the lookup it filters on, and its description in the documentation."""

    name: str
    kind: type | tuple
    lookup: str
    help: str
    choices: list = field(default_factory=list)

    def field(self) -> serializers.Field:
        if self.choices:
            return serializers.ChoiceField(choices=self.choices, required=False)
        if self.kind is int:
            return serializers.IntegerField(min_value=1, max_value=BIGGEST_ID, required=False)
        if self.kind is dt.date:
            return serializers.DateField(required=False)
        if self.kind is bool:
            return serializers.BooleanField(required=False, allow_null=True, default=None)
        if self.lookup.endswith("slug"):
            return serializers.SlugField(max_length=200, required=False)
        return serializers.CharField(max_length=200, required=False)

    def parameter(self) -> OpenApiParameter:
        kind = str if self.choices else self.kind
        return OpenApiParameter(self.name, kind, description=self.help, enum=self.choices or None)


class FilteredSchema(AutoSchema):
    """Documents each view's filters, and the errors a caller may get back."""

    def get_description(self):
        """The view's own docstring only: the shared base class says nothing a caller needs."""
        return type(self.view).__dict__.get("__doc__") or ""

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        view = self.view
        if getattr(view, "action", None) == "list" and getattr(view, "filters", None):
            parameters = [*parameters, *(f.parameter() for f in view.filters)]
        return parameters

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        errors = {"401": ErrorSerializer}
        if getattr(self.view, "action", None) == "list":
            errors["400"] = InvalidFilterSerializer
            errors["404"] = ErrorSerializer  # a page past the last
        else:
            errors["404"] = ErrorSerializer
        # The web server, not the API, refuses an address longer than it reads (gunicorn: 4,094 bytes).
        errors["414"] = OpenApiResponse(description="The address is longer than the server accepts.")
        return {"200": serializer, **errors}


class Conditional:
    """An ETag on every read, and 304 Not Modified when the caller already has this version."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        response["Cache-Control"] = "no-cache" if not request.user.is_authenticated else "private, no-cache"
        wanted = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
        if etag in wanted or "*" in wanted:
            not_modified = HttpResponseNotModified()
            for header in ("ETag", "Vary", "Cache-Control"):
                not_modified[header] = response[header]
            return not_modified
        return response


class ReadOnlyView(Conditional, viewsets.ReadOnlyModelViewSet):
    """Subclasses give `scope(access)` (the records the caller may read) and their filters."""

    filters: tuple[Filter, ...] = ()
    # Read-only: anything else is answered 405 before any record is looked at.
    http_method_names = ["get", "head", "options"]
    schema = FilteredSchema()
    lookup_value_regex = "[^/]+"

    @property
    def access(self):
        return get_access(self.request.user)

    def scope(self, access):
        raise NotImplementedError

    def shape(self, queryset):
        """select_related and prefetch_related, so a page costs the same queries however long it is."""
        return queryset

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "access": self.access}

    def filter_values(self) -> dict:
        if not self.filters:
            return {}
        fields = {item.name: item.field() for item in self.filters}
        given = {key: value for key, value in self.request.query_params.items() if key in fields and value != ""}
        checker = type("Filters", (serializers.Serializer,), fields)(data=given)
        if not checker.is_valid():
            raise exceptions.ValidationError(checker.errors)
        return {key: value for key, value in checker.validated_data.items() if value is not None}

    def apply_filter(self, queryset, item: Filter, value):
        return queryset.filter(**{item.lookup: value})

    def get_queryset(self):
        queryset = self.scope(self.access)
        if self.action == "list":
            values = self.filter_values()
            for item in self.filters:
                if item.name in values:
                    queryset = self.apply_filter(queryset, item, values[item.name])
        return self.shape(queryset)

    def get_object(self):
        value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
        if self.lookup_field == "pk":
            # str.isdigit() takes '¹' and other digits int() refuses: only ASCII digits are an id.
            if not DIGITS.match(value) or int(value) > BIGGEST_ID:
                raise exceptions.NotFound()
        elif not SLUG.match(value):
            raise exceptions.NotFound()
        return super().get_object()
