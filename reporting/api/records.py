"""Yearly records computed across meetings: each member's attendance over a council year."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response

from partnerships.access import Level, get_access, require_level
from partnerships.models import Partnership

from ..opendata.attendance import attendance_records
from .base import Conditional, ErrorSerializer, InvalidFilterSerializer
from .serializers import PersonRef


class AttendanceRecordSerializer(serializers.Serializer):
    person = PersonRef()
    expected = serializers.IntegerField(help_text="Meetings held while the person had a seat; cancelled ones left out.")
    attended = serializers.IntegerField()
    apologies = serializers.IntegerField()
    represented = serializers.IntegerField(help_text="Meetings an alternate attended in this seat's place.")
    absent = serializers.IntegerField()
    not_recorded = serializers.IntegerField(help_text="Meetings with no attendance recorded for this seat.")
    as_substitute = serializers.IntegerField(
        help_text="Meetings this person attended as an alternate in another's seat: not part of 'expected'."
    )


class RecordQuery(serializers.Serializer):
    partnership = serializers.SlugField(max_length=200)
    year = serializers.IntegerField(min_value=1990, max_value=2100)


class AttendanceRecordView(Conditional, generics.GenericAPIView):
    """Each member's attendance over the council year starting in April of `year`."""

    serializer_class = AttendanceRecordSerializer
    pagination_class = None

    @extend_schema(
        summary="Each member's attendance over a council year",
        tags=["Meetings"],
        parameters=[
            OpenApiParameter("partnership", str, required=True, description="The partnership, by its slug."),
            OpenApiParameter(
                "year", int, required=True, description="The council year starting in April of this year."
            ),
        ],
        responses={
            200: AttendanceRecordSerializer(many=True),
            400: InvalidFilterSerializer,
            401: ErrorSerializer,
            404: ErrorSerializer,
        },
    )
    def get(self, request):
        query = RecordQuery(data=request.query_params)
        if not query.is_valid():
            raise exceptions.ValidationError(query.errors)
        access = get_access(request.user)
        partnership = get_object_or_404(Partnership, slug=query.validated_data["partnership"])
        require_level(access, partnership, Level.PUBLIC)
        records = attendance_records(access=access, partnership=partnership, year=query.validated_data["year"])
        return Response(AttendanceRecordSerializer(records, many=True).data)
