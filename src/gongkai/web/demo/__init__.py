"""The demo county: ``gongkai demo`` (and ``make run``) loads it into an empty database.

What it holds:

* 乌鲁木齐县人民政府 (code ``wlmqx``), the seed report's county, with five departments (发展和改革委员会,
  教育局, 自然资源局, 公安局, 住房和城乡建设局) and five townships (水西沟镇, 板房沟镇, 永丰镇,
  甘沟乡, 托里乡) below it.
* Staff, every one with the password ``gongkai-demo-2026``:

  ========================  ==========================================================
  ``clerk``                 县政府 登记 (registers requests, confirms online receipt)
  ``reviewer``              县政府 审核 (accepts)
  ``handler``               县政府 承办 (corrections, consultations, extension requests)
  ``head``                  县政府 负责人 (approves extensions, signs replies, fee notices)
  ``admin``                 县政府 管理员, and superuser of the Django admin
  ``<code>-staff``          each department or township: 登记 + 审核 + 承办 (e.g. ``fgw-staff``)
  ``<code>-head``           each department or township: 负责人 (e.g. ``sxg-head``)
  ========================  ==========================================================

  The county's staff also see the departments' and townships' requests, read-only.
* About 250 requests received over the past year, in every state and under every result row
  of the annual report (correction, consultation, extension, fee, withdrawal and overdue cases
  included), created through the request services on the days they are dated, so timelines,
  audit log and deadlines are the platform's own. The same seed on the same day gives the same
  demo; the command prints a few tracking numbers with their query codes for the status page.
"""
