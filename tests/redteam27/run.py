from tests.redteam27.campaigns import TACTICS
from tests.redteam27.ham import run_ham_user
from tests.redteam27.harness import run_sender
from tests.redteam_runner import run as runner

ROUND = runner.Round(27, TACTICS, run_ham_user, run_sender, "r27:")


def measure(seed, spammers, ham_users, tactics):
    return runner.measure(ROUND, seed, spammers, ham_users, tactics)


if __name__ == "__main__":
    runner.main(ROUND)
