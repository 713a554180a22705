"""Holiday data per jurisdiction, each file citing its legal source per year."""
