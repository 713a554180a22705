"""URL map. Pages and the API come with their apps; only the admin is wired so far."""
from django.contrib import admin
from django.urls import path

admin.site.site_header = "政府信息公开申请办理平台"
admin.site.site_title = "gongkai 管理"

urlpatterns = [
    path("admin/", admin.site.urls),
]
