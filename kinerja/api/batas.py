"""Paging and the request limit of the API (named in settings.REST_FRAMEWORK; a module of their
own because the views module, importing REST framework's views, cannot be named there)."""

from django.conf import settings
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import UserRateThrottle


class Halaman(PageNumberPagination):
    """Pages of 100 rows; a consumer may ask up to 500 with ?ukuran=."""

    page_size = 100
    page_size_query_param = "ukuran"
    max_page_size = 500


class BatasApi(UserRateThrottle):
    """Requests per consumer account: settings.KINERJA_API_BATAS (read on each request, so a
    changed setting applies at once)."""

    def get_rate(self):
        return settings.KINERJA_API_BATAS
