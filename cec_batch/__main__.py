from cec_batch.cli import main

main()
