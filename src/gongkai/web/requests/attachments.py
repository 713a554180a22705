"""The applicant's optional attachment (issue 3 §5): which files are accepted and where they are kept.

The form checks an upload to show the applicant every problem at once; the intake services
check it again before storing it, so the API or a script cannot bypass the limits. Files live
under MEDIA_ROOT but are never served from MEDIA_URL: they hold identity papers, and staff of
the case's own agency download them through ``RequestAttachmentView`` only.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_MAX_TEXT = "10 MB"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word (.doc) compound file
_ZIP = b"PK\x03\x04"  # .docx is a zip package


@dataclass(frozen=True)
class AttachmentType:
    """An accepted extension: the first bytes every such file starts with, and its media type."""

    signatures: tuple[bytes, ...]
    content_type: str


# A renamed program fails the signature check; the stored content type is ours, not the browser's.
ATTACHMENT_TYPES: dict[str, AttachmentType] = {
    "pdf": AttachmentType((b"%PDF-",), "application/pdf"),
    "jpg": AttachmentType((b"\xff\xd8\xff",), "image/jpeg"),
    "jpeg": AttachmentType((b"\xff\xd8\xff",), "image/jpeg"),
    "png": AttachmentType((b"\x89PNG\r\n\x1a\n",), "image/png"),
    "doc": AttachmentType((_OLE,), "application/msword"),
    "docx": AttachmentType((_ZIP,), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
ATTACHMENT_SIGNATURES: dict[str, tuple[bytes, ...]] = {ext: t.signatures for ext, t in ATTACHMENT_TYPES.items()}
ATTACHMENT_TYPES_TEXT = "PDF、JPG、PNG、DOC、DOCX"

ATTACHMENT_TOO_LARGE = "附件过大：不能超过%(limit)s（所选文件为%(size)s）"
ATTACHMENT_WRONG_TYPE = "附件类型不支持：只接受%(types)s文件（所选文件为“%(name)s”）"
ATTACHMENT_CONTENT_MISMATCH = "附件内容与扩展名不符：“%(name)s”不是有效的%(ext)s文件"
ATTACHMENT_EMPTY = "附件是空文件，请重新选择"
ATTACHMENT_NAME_MAX = 255


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size // 1024, 1)} KB"


def _extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def check_attachment(upload) -> None:
    """Raise ValidationError unless ``upload`` is a PDF, image or Word file of at most 10 MB."""
    name = upload.name or ""
    ext = _extension(name)
    if ext not in ATTACHMENT_TYPES:
        raise ValidationError(ATTACHMENT_WRONG_TYPE, code="attachment-type",
                              params={"types": ATTACHMENT_TYPES_TEXT, "name": name})
    if upload.size == 0:
        raise ValidationError(ATTACHMENT_EMPTY, code="attachment-empty")
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(ATTACHMENT_TOO_LARGE, code="attachment-size",
                              params={"limit": ATTACHMENT_MAX_TEXT, "size": _size_text(upload.size)})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(ATTACHMENT_TYPES[ext].signatures):
        raise ValidationError(ATTACHMENT_CONTENT_MISMATCH, code="attachment-content",
                              params={"name": name, "ext": ext.upper()})


def attachment_content_type(name: str) -> str:
    """The media type of a checked upload, from its extension (whose signature ``check_attachment`` verified)."""
    return ATTACHMENT_TYPES[_extension(name)].content_type


def original_name(name: str) -> str:
    """The applicant's file name as shown to staff: no directories, at most 255 characters."""
    base = PurePath(name.replace("\\", "/")).name or "attachment"
    stem, ext = PurePath(base).stem, PurePath(base).suffix
    return base if len(base) <= ATTACHMENT_NAME_MAX else stem[:ATTACHMENT_NAME_MAX - len(ext)] + ext


def attachment_upload_to(request, filename: str) -> str:
    """``request_attachments/<tracking number>/<random>.<ext>``.

    NOTE: the stored name is random, not the applicant's: a guessed path finds nothing, and no
    file-system character rules apply to names typed in Chinese. The original name is kept on the row.
    """
    return f"request_attachments/{request.tracking_number}/{secrets.token_hex(8)}.{_extension(filename)}"
