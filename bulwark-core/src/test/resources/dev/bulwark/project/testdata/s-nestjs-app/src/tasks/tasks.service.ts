import { Injectable, NotFoundException } from "@nestjs/common";
import { randomUUID } from "crypto";
import { CreateTaskDto } from "./dto/create-task.dto";

export interface Task { id: string; title: string; done: boolean }

@Injectable()
export class TasksService {
  private readonly tasks: Task[] = [];

  findAll(): Task[] {
    return this.tasks;
  }

  create(dto: CreateTaskDto): Task {
    const task = { id: randomUUID(), title: dto.title, done: false };
    this.tasks.push(task);
    return task;
  }

  remove(id: string): void {
    const i = this.tasks.findIndex((t) => t.id === id);
    if (i < 0) throw new NotFoundException();
    this.tasks.splice(i, 1);
  }
}
