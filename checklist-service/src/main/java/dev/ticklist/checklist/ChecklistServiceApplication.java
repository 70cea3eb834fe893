package dev.ticklist.checklist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side: checklists, the directory of organisations and cohorts, and tick commands. */
@SpringBootApplication
public class ChecklistServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChecklistServiceApplication.class, args);
    }
}
