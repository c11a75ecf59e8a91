"""One search box across the register: partnerships, people, meetings, agendas, papers, minutes, decisions, actions."""
