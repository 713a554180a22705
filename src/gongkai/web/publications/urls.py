"""The catalogue pages: staff under /staff/publications/, public under /agencies/<code>/catalogue/."""
from django.urls import include, path

urlpatterns = [
    path("staff/publications/", include("gongkai.web.publications.urls_staff")),
    path("agencies/<slug:agency_code>/catalogue/", include("gongkai.web.publications.urls_public")),
]
