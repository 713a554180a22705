"""Staff pages of the catalogue and the 政务新媒体 registry (issue 5 §2, §4)."""
from django.urls import path

from gongkai.web.publications.views import staff

app_name = "publications_staff"

urlpatterns = [
    path("", staff.ItemListView.as_view(), name="list"),
    path("new/", staff.ItemCreateView.as_view(), name="create"),
    path("<int:pk>/", staff.ItemDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", staff.ItemUpdateView.as_view(), name="edit"),
    path("<int:pk>/<slug:action>/", staff.ItemActionView.as_view(), name="action"),
    path("reply/<int:request_pk>/", staff.RequestAlreadyPublicView.as_view(), name="reply_already_public"),
    path("newmedia/", staff.NewMediaListView.as_view(), name="newmedia_list"),
    path("newmedia/new/", staff.NewMediaCreateView.as_view(), name="newmedia_create"),
    path("newmedia/<int:pk>/", staff.NewMediaUpdateView.as_view(), name="newmedia_edit"),
]
