"""The public portal of one agency's catalogue (issue 5 §3), no login."""
from django.urls import path

from gongkai.web.publications.views import public

app_name = "publications_public"

urlpatterns = [
    path("", public.CatalogueIndexView.as_view(), name="index"),
    path("category/<str:category>/", public.CatalogueCategoryView.as_view(), name="category"),
    path("search/", public.CatalogueSearchView.as_view(), name="search"),
    path("feed.atom", public.CatalogueFeed(), name="feed"),
    path("items/<str:index_number>/", public.ItemPublicView.as_view(), name="item"),
    path("items/<str:index_number>/attachments/<int:pk>/", public.ItemAttachmentPublicView.as_view(),
         name="attachment"),
]
