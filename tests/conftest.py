import sys
from pathlib import Path

# Test modules import the shared helpers as `from expected import ...`.
sys.path.insert(0, str(Path(__file__).resolve().parent))
