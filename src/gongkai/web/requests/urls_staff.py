"""Staff pages (issue 3 §6), included under /staff/ by config/urls.py."""
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from gongkai.web.requests.views import staff

app_name = "staff"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="registration/login.html",
                                               redirect_authenticated_user=True,
                                               next_page=reverse_lazy("staff:worklist")), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("staff:login")), name="logout"),
    path("", staff.RequestWorklistView.as_view(), name="worklist"),
    path("requests/new/", staff.RequestRegisterView.as_view(), name="register"),
    path("requests/<int:pk>/", staff.RequestDetailView.as_view(), name="detail"),
    path("requests/<int:pk>/notice.docx", staff.RequestNoticeView.as_view(), name="notice"),
    path("requests/<int:pk>/attachment/", staff.RequestAttachmentView.as_view(), name="attachment"),
    path("requests/<int:pk>/<slug:action>/", staff.RequestActionView.as_view(), name="action"),
]
