/// Report: clause mapping, case assessment and the HTML / JSON / CSV writers.
enum ReportModule {}
