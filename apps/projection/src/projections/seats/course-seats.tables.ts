import type { HoldStatus } from './seat-transitions';

export interface CourseSeatsTables {
  read_course_seats: {
    course_id: string;
    capacity: number;
    reserved: number;
    confirmed: number;
    last_position: string | number;
  };
  read_seat_holds: {
    course_id: string;
    order_id: string;
    learner_id: string;
    status: HoldStatus;
    last_position: string | number;
  };
}

export interface CourseSeats {
  courseId: string;
  capacity: number;
  reserved: number;
  confirmed: number;
  left: number;
}
