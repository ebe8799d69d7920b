"""The read-only JSON API (issue 23, part 4) for the systems that come after Kinerja: an
Inspektorat's LKE tool, the region's portal. Django REST framework with token authentication:
a consumer is a user account, so the API shows exactly what the pages show that account."""
