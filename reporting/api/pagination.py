from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    """Numbered pages of 50 by default; a harvester may ask for up to 200 a page."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
