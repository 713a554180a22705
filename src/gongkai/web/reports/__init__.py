"""年度报告 from the records: drafts per agency and year, computed tables, workflow, publication."""
